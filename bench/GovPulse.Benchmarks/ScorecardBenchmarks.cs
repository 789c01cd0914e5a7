using BenchmarkDotNet.Attributes;
using GovPulse.Indicators.Dossiers;
using GovPulse.Indicators.Events;
using GovPulse.Indicators.Periods;
using GovPulse.Indicators.Scoring;

namespace GovPulse.Benchmarks;

/// <summary>
/// The full scorecard of a unit holding 100,000 dossiers (1 August – 15 October 2026), for the
/// current month (October) at 10:00 on the 15th, on a ledger that has served scorecards before.
/// </summary>
[Config(typeof(SuiteConfig))]
public class ScorecardBenchmarks
{
    private static readonly Period October = Period.Month(2026, 10);
    private UnitLedger _ledger = null!;
    private string _ratedDossier = string.Empty;
    private long _step;

    [GlobalSetup]
    public void Setup()
    {
        var workload = Workloads.LargeUnit;
        _ledger = UnitWorkload.BuildLedger(workload.HappenedByNow());
        var tally = _ledger.Tally(October, October.EvaluationTime(Workloads.Now));
        _ratedDossier = workload.HappenedByNow().First(e => e.Type == EventType.ProcessingCompleted && October.Contains(_ledger.Find(e.DossierId!)!.Receipt!.ReceivedAt)).DossierId!;
        Console.WriteLine($"// ledger: {_ledger.DossierCount:N0} dossiers, {_ledger.PetitionCount:N0} petitions; October so far: {tally.Received:N0} received, "
            + $"{tally.Finished:N0} finished, {tally.InProgressOnTime + tally.InProgressOverdue:N0} in progress");
    }

    /// <summary>
    /// Warm: the scorecard asked again and again as the clock moves on (one second per call, cycling
    /// over an hour) with no new event: what a dashboard polling a quiet unit costs.
    /// </summary>
    [Benchmark]
    public Scorecard Scorecard_warm_clock_moves() => Scorecards.For(_ledger, October, Workloads.Now.AddSeconds(_step++ % 3600));

    /// <summary>
    /// Live: one event changes a dossier of the month (a citizen revises a rating), then the scorecard
    /// is asked for, as the grain does after every change.
    /// </summary>
    [Benchmark]
    public Scorecard Scorecard_after_one_event()
    {
        var step = _step++;
        _ledger.Apply(new UnitEvent
        {
            EventId = $"rerate-{step:D12}",
            Type = EventType.DossierRated,
            OccurredAt = Workloads.Now.AddMinutes(-1),
            UnitCode = UnitWorkload.UnitCode,
            DossierId = _ratedDossier,
            Rating = step % 2 == 0 ? Rating.Satisfied : Rating.Dissatisfied,
        });
        return Scorecards.For(_ledger, October, Workloads.Now);
    }
}
