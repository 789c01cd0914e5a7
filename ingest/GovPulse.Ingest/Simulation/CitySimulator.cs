using GovPulse.Indicators.Catalog;
using GovPulse.Indicators.Events;
using GovPulse.Indicators.Periods;

namespace GovPulse.Ingest.Simulation;

/// <summary>
/// Simulated one-stop traffic for the whole city. Deterministic: arrivals of each unit in each
/// minute and each dossier's life come from random streams seeded by (seed, unit, minute), so the
/// same seed gives the same event ids however the time is stepped, and a restart only re-sends
/// duplicates.
/// </summary>
public sealed class CitySimulator
{
    private readonly TrafficProfile _profile;
    private readonly int _seed;
    private readonly Procedure[] _communeProcedures;
    private readonly Procedure[] _cityProcedures;
    private readonly double[] _communeWeights;
    private readonly PriorityQueue<UnitEvent, DateTimeOffset> _scheduled = new();
    private DateTimeOffset _arrivalsUntil;

    public CitySimulator(TrafficProfile profile, ProcedureCatalog catalog, int seed, DateTimeOffset start)
    {
        _profile = profile;
        _seed = seed;
        _arrivalsUntil = StartOfMinute(start);
        _communeProcedures = catalog.All.Where(p => p.Level != ProcedureLevel.Province).ToArray();
        _cityProcedures = catalog.All.Where(p => p.Level != ProcedureLevel.Commune).ToArray();
        // Certified copies are 15–35% of a commune's dossiers; birth, death and marriage lead civil status.
        _communeWeights = _communeProcedures.Select(p => p.Field switch
        {
            "Chứng thực" => 12.0,
            "Hộ tịch" => p.Name.Contains("khai sinh", StringComparison.Ordinal) ? 6.0 : 3.0,
            _ => 1.0,
        }).ToArray();
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

        var minuteKey = minute.ToUnixTimeSeconds() / 60;
        foreach (var unit in _profile.Units)
        {
            var random = new Random($"{_seed}|{unit.Code}|{minuteKey}".GetDeterministicHash());
            var arrivals = Poisson(random, _profile.DossiersPerWorkingDay(unit.Code) / OfficeHours.MinutesPerDay);
            for (var i = 0; i < arrivals; i++)
            {
                var receivedAt = minute.AddSeconds(random.NextDouble() * 60);
                var isCommune = unit.Kind == Indicators.Units.UnitKind.Commune;
                var procedure = isCommune ? Pick(random, _communeProcedures, _communeWeights) : _cityProcedures[random.Next(_cityProcedures.Length)];
                var channel = random.NextDouble() < _profile.OnlineShare[unit.Code] ? Channel.Online
                    : random.NextDouble() < 0.02 ? Channel.Postal : Channel.Direct;
                var local = VietnamTime.ToLocal(receivedAt);
                var dossierId = $"{unit.Code}-{local:yyMMddHHmm}-{i:D2}";
                foreach (var e in DossierScript.Write(unit.Code, dossierId, procedure, channel, receivedAt, random))
                {
                    _scheduled.Enqueue(e, e.OccurredAt);
                }
            }
        }
    }

    private static DateTimeOffset StartOfMinute(DateTimeOffset t) => new(t.Ticks - (t.Ticks % TimeSpan.TicksPerMinute), t.Offset);

    private static int Poisson(Random random, double mean)
    {
        var limit = Math.Exp(-mean);
        var k = 0;
        var p = random.NextDouble();
        while (p > limit && k < 1000)
        {
            k++;
            p *= random.NextDouble();
        }

        return k;
    }

    private static Procedure Pick(Random random, Procedure[] procedures, double[] weights)
    {
        var x = random.NextDouble() * weights.Sum();
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
