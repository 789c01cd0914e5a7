using BenchmarkDotNet.Attributes;
using GovPulse.Indicators.Dossiers;
using GovPulse.Indicators.Events;
using GovPulse.Indicators.Periods;
using GovPulse.Indicators.Scoring;

namespace GovPulse.Benchmarks;

/// <summary>
/// Cold: the first scorecard a freshly built ledger of 100,000 dossiers serves. Each iteration
/// rebuilds the ledger from the events and collects garbage (not measured), then makes one
/// scorecard: no tally is kept yet and the ledger's rows are out of the CPU caches, so every
/// dossier of the period is counted. The code itself is warm (see <see cref="Setup"/>).
/// </summary>
[Config(typeof(ColdConfig))]
public class ColdScorecardBenchmarks
{
    private static readonly Period October = Period.Month(2026, 10);
    private static readonly Period Quarter = Period.Quarter(2026, 3);
    private List<UnitEvent> _events = [];
    private UnitLedger _ledger = null!;

    [GlobalSetup]
    public void Setup()
    {
        _events = Workloads.LargeUnit.HappenedByNow();

        // Cold data, not cold code: a long-running silo has long compiled the tally at full
        // optimisation, so count a few hundred times (each after a change, so nothing is reused)
        // and give the tiered JIT time to finish before the first measured iteration.
        var ledger = UnitWorkload.BuildLedger(_events);
        var dossier = _events.First(e => e.Type == EventType.ProcessingCompleted).DossierId!;
        for (var round = 0; round < 3; round++)
        {
            for (var i = 0; i < 100; i++)
            {
                ledger.Apply(new UnitEvent
                {
                    EventId = $"warm-{round}-{i:D4}",
                    Type = EventType.DossierRated,
                    OccurredAt = Workloads.Now.AddMinutes(-1),
                    UnitCode = UnitWorkload.UnitCode,
                    DossierId = dossier,
                    Rating = i % 2 == 0 ? Rating.Satisfied : Rating.Dissatisfied,
                });
                Scorecards.For(ledger, i % 2 == 0 ? October : Quarter, Workloads.Now);
            }

            Thread.Sleep(300);
        }
    }

    [IterationSetup]
    public void Rebuild()
    {
        _ledger = null!;
        _ledger = UnitWorkload.BuildLedger(_events);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    /// <summary>October so far (about a fifth of the dossiers), as a mid-month dashboard asks.</summary>
    [Benchmark]
    public Scorecard Scorecard_cold_current_month() => Scorecards.For(_ledger, October, Workloads.Now);

    /// <summary>The whole third quarter (about 80,000 dossiers, its August and September), for scale.</summary>
    [Benchmark]
    public Scorecard Scorecard_cold_previous_quarter() => Scorecards.For(_ledger, Quarter, Workloads.Now);
}
