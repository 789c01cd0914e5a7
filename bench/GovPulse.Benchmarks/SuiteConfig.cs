using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;

namespace GovPulse.Benchmarks;

/// <summary>
/// A short job (one launch, 3 warm-up and 8 measured iterations) so the whole suite runs in a few
/// minutes on a 2-core machine, with allocations and operations per second beside the times.
/// </summary>
public sealed class SuiteConfig : ManualConfig
{
    public SuiteConfig()
    {
        AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(8).WithId("Suite"));
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn(StatisticColumn.OperationsPerSecond);
    }
}

/// <summary>
/// For cold measurements: every iteration first rebuilds the state in its setup, then runs the
/// benchmark exactly once, so nothing a previous call computed can be reused.
/// </summary>
public sealed class ColdConfig : ManualConfig
{
    public ColdConfig()
    {
        AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(2).WithIterationCount(15)
            .WithInvocationCount(1).WithUnrollFactor(1).WithId("Cold"));
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn(StatisticColumn.OperationsPerSecond);
    }
}

/// <summary>For rebuilds of a 200,000-dossier unit (seconds each without a snapshot): one call per iteration, a few iterations.</summary>
public sealed class RebuildConfig : ManualConfig
{
    public RebuildConfig()
    {
        AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(6)
            .WithInvocationCount(1).WithUnrollFactor(1).WithId("Rebuild"));
        AddDiagnoser(MemoryDiagnoser.Default);
    }
}
