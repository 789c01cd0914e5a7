using GovPulse.Indicators.Catalog;
using GovPulse.Indicators.Events;
using GovPulse.Indicators.Periods;

namespace GovPulse.Ingest.Simulation;

/// <summary>
/// Simulated one-stop traffic for the whole city. Deterministic: arrivals of each unit in each
/// minute and each dossier's life come from random streams keyed by (seed, unit, minute), so the
/// same seed gives the same events however the time is stepped, and a restart only re-sends
/// duplicates. The node's quick-start simulator and <c>govpulse simulate</c> both run this class.
/// A department receives only the procedures its fields route to (<see cref="ProcedureRouting"/>);
/// a department with none receives nothing, and the city level's volume goes to those with some.
/// </summary>
public sealed class CitySimulator
{
    private readonly TrafficProfile _profile;
    private readonly int _seed;
    private readonly Procedure[] _communeProcedures;
    private readonly Procedure[][] _unitProcedures;
    private readonly double[] _communeWeights;
    private readonly double _communeWeightTotal;
    private readonly ulong[] _unitKeys;
    private readonly double[] _arrivalsPerMinute;
    private readonly PriorityQueue<UnitEvent, DateTimeOffset> _scheduled = new();
    private DateTimeOffset _arrivalsUntil;

    public CitySimulator(TrafficProfile profile, ProcedureCatalog catalog, int seed, DateTimeOffset start, ProcedureRouting? routing = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(catalog);
        routing ??= ProcedureRouting.Reference;
        _profile = profile;
        _seed = seed;
        _arrivalsUntil = StartOfMinute(start);
        _communeProcedures = catalog.All.Where(p => p.Level != ProcedureLevel.Province).ToArray();
        _communeWeights = _communeProcedures.Select(CommuneWeight).ToArray();
        _communeWeightTotal = _communeWeights.Sum();
        _unitKeys = profile.Units.Select(u => unchecked((ulong)(uint)u.Code.GetDeterministicHash())).ToArray();
        _unitProcedures = profile.Units
            .Select(u => u.Kind == Indicators.Units.UnitKind.Commune ? _communeProcedures : routing.ProceduresOf(u.Code, catalog).ToArray())
            .ToArray();

        // The city level's published volume is shared by the departments that handle something.
        var cityLevel = Enumerable.Range(0, profile.Units.Count).Where(i => profile.Units[i].Kind != Indicators.Units.UnitKind.Commune).ToArray();
        var all = cityLevel.Sum(i => profile.DossiersPerWorkingDay(profile.Units[i].Code));
        var fed = cityLevel.Where(i => _unitProcedures[i].Length > 0).Sum(i => profile.DossiersPerWorkingDay(profile.Units[i].Code));
        var scale = fed > 0 ? all / fed : 0;
        _arrivalsPerMinute = profile.Units
            .Select((u, i) => _unitProcedures[i].Length == 0 ? 0
                : profile.DossiersPerWorkingDay(u.Code) * (u.Kind == Indicators.Units.UnitKind.Commune ? 1 : scale) / OfficeHours.MinutesPerDay)
            .ToArray();
    }

    /// <summary>The procedures <paramref name="unitCode"/> receives: a commune's level for a commune, the routed ones for a department (empty: it is not fed).</summary>
    public IReadOnlyList<Procedure> ProceduresOf(string unitCode)
    {
        for (var i = 0; i < _profile.Units.Count; i++)
        {
            if (_profile.Units[i].Code == unitCode)
            {
                return _unitProcedures[i];
            }
        }

        return [];
    }

    /// <summary>
    /// How often a commune receives a procedure, relative to the others (shared data,
    /// procedure-volumes.md): a certified copy from the original is 15–35% of a commune's dossiers;
    /// among civil-status registrations births are ≈ 45%, deaths ≈ 21%, marriages ≈ 20%,
    /// re-registered births ≈ 14%; single-status certificates, land, household business and residence
    /// are named among the commonest by HCMC wards. With the reference catalogue the certified copy
    /// comes out at about 23%.
    /// </summary>
    public static double CommuneWeight(Procedure procedure)
    {
        ArgumentNullException.ThrowIfNull(procedure);
        return procedure.Code switch
        {
            "2.000815" => 25.0,
            "1.001193" => 7.0,
            "1.000656" => 3.3,
            "1.000894" => 3.1,
            "1.004884" => 2.2,
            "1.004873" => 3.0,
            _ => procedure.Field switch
            {
                "Chứng thực" => 1.0,
                "Hộ tịch" => 0.3,
                "Đất đai" or "Đăng ký kinh doanh (hộ kinh doanh)" or "Đăng ký, quản lý cư trú" => 1.5,
                _ => 0.5,
            },
        };
    }

    /// <summary>Every event that happens up to <paramref name="until"/>, in time order.</summary>
    public IReadOnlyList<UnitEvent> Advance(DateTimeOffset until)
    {
        while (_arrivalsUntil.AddMinutes(1) <= until)
        {
            ArrivalsIn(_arrivalsUntil);
            _arrivalsUntil = _arrivalsUntil.AddMinutes(1);
        }

        var due = new List<UnitEvent>();
        while (_scheduled.TryPeek(out _, out var at) && at <= until)
        {
            due.Add(_scheduled.Dequeue());
        }

        return due;
    }

    private void ArrivalsIn(DateTimeOffset minute)
    {
        if (!OfficeHours.IsOpen(minute))
        {
            return;
        }

        var minuteKey = DeterministicHash.Mix(unchecked((ulong)_seed), unchecked((ulong)(minute.ToUnixTimeSeconds() / 60)));
        for (var u = 0; u < _unitKeys.Length; u++)
        {
            // Most unit-minutes receive nothing: one number from the key decides how many dossiers
            // arrive, and a full random stream is made only for a minute that has some.
            var key = DeterministicHash.Mix(minuteKey, _unitKeys[u]);
            var arrivals = Poisson(DeterministicHash.Uniform(key), _arrivalsPerMinute[u]);
            if (arrivals == 0)
            {
                continue;
            }

            var unit = _profile.Units[u];
            var random = new Random(unchecked((int)DeterministicHash.Mix(key, 1)));
            var isCommune = unit.Kind == Indicators.Units.UnitKind.Commune;
            var local = VietnamTime.ToLocal(minute);
            for (var i = 0; i < arrivals; i++)
            {
                var receivedAt = minute.AddSeconds(random.NextDouble() * 60);
                var procedure = isCommune ? Pick(random, _communeProcedures, _communeWeights, _communeWeightTotal) : _unitProcedures[u][random.Next(_unitProcedures[u].Length)];
                var channel = random.NextDouble() < _profile.OnlineShare[unit.Code] ? Channel.Online
                    : random.NextDouble() < 0.02 ? Channel.Postal : Channel.Direct;
                var dossierId = $"{unit.Code}-{local:yyMMddHHmm}-{i:D2}";
                foreach (var e in DossierScript.Write(unit.Code, dossierId, procedure, channel, receivedAt, random, _profile.LateShare(unit.Code)))
                {
                    _scheduled.Enqueue(e, e.OccurredAt);
                }
            }
        }
    }

    private static DateTimeOffset StartOfMinute(DateTimeOffset t) => new(t.Ticks - (t.Ticks % TimeSpan.TicksPerMinute), t.Offset);

    /// <summary>The Poisson count whose cumulative probability first reaches <paramref name="uniform"/> (inversion).</summary>
    private static int Poisson(double uniform, double mean)
    {
        var p = Math.Exp(-mean);
        var cumulative = p;
        var k = 0;
        while (uniform > cumulative && k < 1000)
        {
            k++;
            p *= mean / k;
            cumulative += p;
        }

        return k;
    }

    private static Procedure Pick(Random random, Procedure[] procedures, double[] weights, double total)
    {
        var x = random.NextDouble() * total;
        for (var i = 0; i < procedures.Length; i++)
        {
            x -= weights[i];
            if (x <= 0)
            {
                return procedures[i];
            }
        }

        return procedures[^1];
    }
}
