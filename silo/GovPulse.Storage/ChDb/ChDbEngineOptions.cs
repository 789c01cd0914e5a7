namespace GovPulse.Storage.ChDb;

/// <summary>How the process's embedded engine is started (read once, when <see cref="ChDbEngine.Open"/> boots it).</summary>
public sealed record ChDbEngineOptions
{
    /// <summary>The default for <see cref="MemoryRatio"/>: half the machine's memory, the other half left to the .NET heap and the OS.</summary>
    public const double DefaultMemoryRatio = 0.5;

    /// <summary>
    /// The most memory the engine uses, all queries together, as a fraction of the machine's RAM
    /// (ClickHouse's <c>max_server_memory_usage_to_ram_ratio</c>); a query that would pass it fails
    /// with MEMORY_LIMIT_EXCEEDED instead of the process being killed. Between 0.05 and 0.95.
    /// </summary>
    public double MemoryRatio { get; init; } = DefaultMemoryRatio;

    /// <summary>
    /// How many idle threads the engine's global pool keeps for later queries (ClickHouse's
    /// <c>max_thread_pool_free_size</c>, 1,000 by default); threads beyond it end when their query does.
    /// A year's backfill left a node with 133 idle engine threads, each with its stack and its
    /// allocator's thread cache; with 16 kept the node has about 50 threads in all.
    /// </summary>
    public const int IdleThreadsKept = 16;
}
