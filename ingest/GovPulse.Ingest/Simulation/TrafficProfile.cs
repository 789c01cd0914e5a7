using GovPulse.Indicators.Units;

namespace GovPulse.Ingest.Simulation;

/// <summary>
/// How much each unit receives, from the city's published figures (indicators-766.md §5):
/// 2 July 2025, 16,571 dossiers city-wide in a day, 9,184 at commune level (5,207 online) and
/// 7,387 at city level (1,691 online); about 55 a day per commune on average, 365 at the busiest.
/// Units also differ in how often they finish late (<see cref="LateShare"/>), so rankings mean something.
/// Any directory works: Ho Chi Minh City's communes carry its published volume, every other
/// province's communes <see cref="OtherCommuneDossiersPerDay"/> each on average (the synthetic
/// nation then receives about ten times the city's traffic), and <c>scale</c> multiplies it all.
/// </summary>
public sealed class TrafficProfile
{
    public const double CommuneDossiersPerDay = 9_184;
    public const double CityLevelDossiersPerDay = 7_387;
    public const double CommuneOnlineShare = 5_207.0 / 9_184;
    public const double CityLevelOnlineShare = 1_691.0 / 7_387;
    public const double BusiestCommunePerDay = 365;

    /// <summary>
    /// A commune's mean daily dossiers outside Ho Chi Minh City: 87% of the city's mean (9,184 / 168),
    /// its communes being more populous than most, which makes the 3,321-commune synthetic nation
    /// about ten times the city's traffic (~19 M events a month), as issue 16 sizes the country.
    /// </summary>
    public const double OtherCommuneDossiersPerDay = 47.5;

    /// <summary>Mean of the log-normal commune weights (σ 0.6): exp(σ²/2), so other communes average <see cref="OtherCommuneDossiersPerDay"/>.</summary>
    private static readonly double MeanCommuneWeight = Math.Exp(0.18);

    /// <summary>Spread of the units' late shares around the city's mean (log-normal σ): most units 2–7%, a few above 10%.</summary>
    public const double LateShareSpread = 0.6;

    private readonly Dictionary<string, double> _perDay = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double> _lateShare = new(StringComparer.Ordinal);

    /// <param name="units">The directory whose units receive traffic.</param>
    /// <param name="seed">Same seed, same volumes and late shares.</param>
    /// <param name="scale">Multiplies every unit's volume (1 = the published figures; 0.01 for a quick run).</param>
    public TrafficProfile(UnitDirectory units, int seed, double scale = 1)
    {
        ArgumentNullException.ThrowIfNull(units);
        if (!(scale > 0 && scale <= 1_000))
        {
            throw new ArgumentOutOfRangeException(nameof(scale), scale, "the scale must be more than 0 and at most 1000");
        }

        var random = new Random(seed);
        var communes = units.All.Where(u => u.Kind == UnitKind.Commune).ToArray();
        var departments = units.All.Where(u => u.Kind != UnitKind.Commune).ToArray();

        // Commune sizes are skewed (a few very busy wards): log-normal weights. The city's are
        // scaled to its published total, with the busiest pinned at its published 365.
        var weights = communes.Select(_ => Math.Exp(0.6 * Gaussian(random))).ToArray();
        var published = Enumerable.Range(0, communes.Length).Where(i => units.ProvinceOf(communes[i])?.Code == UnitDirectory.HoChiMinhCityCode).ToArray();
        if (published.Length > 0)
        {
            var busiest = published.MaxBy(i => weights[i]);
            var rest = CommuneDossiersPerDay - BusiestCommunePerDay;
            var restWeight = published.Sum(i => weights[i]) - weights[busiest];
            foreach (var i in published)
            {
                _perDay[communes[i].Code] = i == busiest ? BusiestCommunePerDay : rest * weights[i] / restWeight;
            }
        }

        for (var i = 0; i < communes.Length; i++)
        {
            _perDay.TryAdd(communes[i].Code, OtherCommuneDossiersPerDay * weights[i] / MeanCommuneWeight);
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

        foreach (var code in _perDay.Keys.ToList())
        {
            _perDay[code] *= scale;
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
