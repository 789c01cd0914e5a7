using GovPulse.Indicators.Units;

namespace GovPulse.Ingest.Simulation;

/// <summary>
/// How much each unit receives, from the city's published figures (indicators-766.md §5):
/// 2 July 2025, 16,571 dossiers city-wide in a day, 9,184 at commune level (5,207 online) and
/// 7,387 at city level (1,691 online); about 55 a day per commune on average, 365 at the busiest.
/// Units also differ in how often they finish late (<see cref="LateShare"/>), so rankings mean something.
/// </summary>
public sealed class TrafficProfile
{
    public const double CommuneDossiersPerDay = 9_184;
    public const double CityLevelDossiersPerDay = 7_387;
    public const double CommuneOnlineShare = 5_207.0 / 9_184;
    public const double CityLevelOnlineShare = 1_691.0 / 7_387;
    public const double BusiestCommunePerDay = 365;

    /// <summary>Spread of the units' late shares around the city's mean (log-normal σ): most units 2–7%, a few above 10%.</summary>
    public const double LateShareSpread = 0.6;

    private readonly Dictionary<string, double> _perDay = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double> _lateShare = new(StringComparer.Ordinal);

    public TrafficProfile(UnitDirectory units, int seed)
    {
        var random = new Random(seed);
        var communes = units.All.Where(u => u.Kind == UnitKind.Commune).ToArray();
        var departments = units.All.Where(u => u.Kind != UnitKind.Commune).ToArray();

        // Commune sizes are skewed (a few very busy wards): log-normal weights, scaled to the
        // published total, with the busiest pinned at its published 365.
        var weights = communes.Select(_ => Math.Exp(0.6 * Gaussian(random))).ToArray();
        var busiest = Array.IndexOf(weights, weights.Max());
        var rest = CommuneDossiersPerDay - BusiestCommunePerDay;
        var restWeight = weights.Sum() - weights[busiest];
        for (var i = 0; i < communes.Length; i++)
        {
            _perDay[communes[i].Code] = i == busiest ? BusiestCommunePerDay : rest * weights[i] / restWeight;
        }

        // Construction and agriculture-environment receive the most at city level (press, 12/2025).
        var departmentWeights = departments.Select(d => d.Code switch
        {
            "so-xay-dung" or "so-nong-nghiep-moi-truong" => 4.0,
            "so-tu-phap" or "so-cong-thuong" or "so-y-te" or "so-giao-duc-dao-tao" or "so-noi-vu" => 2.0,
            _ => 0.6 + random.NextDouble(),
        }).ToArray();
        for (var i = 0; i < departments.Length; i++)
        {
            _perDay[departments[i].Code] = CityLevelDossiersPerDay * departmentWeights[i] / departmentWeights.Sum();
        }

        Units = communes.Concat(departments).ToArray();

        // Drawn after the volumes, so the volumes of a seed do not depend on this. The log-normal's
        // mean is exp(σ²/2), hence the correction, so the city's mean stays DossierScript's.
        foreach (var unit in Units)
        {
            var share = DossierScript.DefaultLateShare * Math.Exp((LateShareSpread * Gaussian(random)) - (LateShareSpread * LateShareSpread / 2));
            _lateShare[unit.Code] = Math.Clamp(share, 0.005, 0.25);
        }

        OnlineShare = Units.ToDictionary(u => u.Code, u => u.Kind == UnitKind.Commune ? CommuneOnlineShare : CityLevelOnlineShare, StringComparer.Ordinal);
    }

    public IReadOnlyList<Unit> Units { get; }

    public IReadOnlyDictionary<string, double> OnlineShare { get; }

    public double DossiersPerWorkingDay(string unitCode) => _perDay.GetValueOrDefault(unitCode);

    /// <summary>The unit's share of finished dossiers that finish late (<see cref="DossierScript.DefaultLateShare"/> for an unknown unit).</summary>
    public double LateShare(string unitCode) => _lateShare.GetValueOrDefault(unitCode, DossierScript.DefaultLateShare);

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
