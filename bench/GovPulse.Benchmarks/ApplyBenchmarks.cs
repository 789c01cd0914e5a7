using BenchmarkDotNet.Attributes;
using GovPulse.Indicators.Calendar;
using GovPulse.Indicators.Dossiers;
using GovPulse.Indicators.Events;

namespace GovPulse.Benchmarks;

/// <summary>
/// Applying a unit's events to a fresh <see cref="UnitLedger"/>: the first <see cref="EventCount"/>
/// events of the large unit's 100,000 dossiers. Times are per event (OperationsPerInvoke), so
/// Op/s is events per second on one core.
/// </summary>
[Config(typeof(SuiteConfig))]
public class ApplyBenchmarks
{
    public const int EventCount = 570_000;

    private UnitEvent[] _inOrder = [];
    private UnitEvent[] _delivered = [];

    [GlobalSetup]
    public void Setup()
    {
        var workload = Workloads.LargeUnit;
        if (workload.Events.Count < EventCount)
        {
            throw new InvalidOperationException($"The workload has {workload.Events.Count} events, fewer than {EventCount}.");
        }

        _inOrder = [.. workload.Events.Take(EventCount)];
        _delivered = [.. workload.Delivered(duplicateShare: 0.1, seed: 1).Take(EventCount)];
        Console.WriteLine($"// workload: {workload.Dossiers:N0} dossiers, {workload.Petitions:N0} petitions, {workload.Events.Count:N0} events "
            + $"({(double)workload.Events.Count / workload.Dossiers:F2} per dossier); applying the first {EventCount:N0}");
    }

    /// <summary>Events in time order, each once.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = EventCount)]
    public UnitLedger Apply_in_time_order() => ApplyAll(_inOrder);

    /// <summary>At-least-once, unordered delivery: shuffled, 10% sent twice (facts often arrive before their receipt).</summary>
    [Benchmark(OperationsPerInvoke = EventCount)]
    public UnitLedger Apply_shuffled_with_duplicates() => ApplyAll(_delivered);

    private static UnitLedger ApplyAll(UnitEvent[] events)
    {
        var ledger = new UnitLedger(WorkingDayCalendar.Vietnam);
        foreach (var e in events)
        {
            ledger.Apply(e);
        }

        return ledger;
    }
}
