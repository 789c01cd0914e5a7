namespace GovPulse.Storage.ClickHouse;

/// <summary>The <c>quarantined_events</c> table.</summary>
public interface IQuarantineStore
{
    /// <summary>Records a quarantined event (recording it again replaces the row).</summary>
    Task AddAsync(QuarantinedEvent quarantined, CancellationToken cancellationToken = default);

    /// <summary>The ids of the unit's quarantined events, which its rebuild skips.</summary>
    Task<IReadOnlySet<string>> ReadIdsAsync(string unitCode, CancellationToken cancellationToken = default);

    /// <summary>The quarantined event ids of every unit that has any, in one query (a node's start).</summary>
    Task<IReadOnlyDictionary<string, IReadOnlySet<string>>> ReadAllIdsAsync(CancellationToken cancellationToken = default);

    /// <summary>Quarantined events, newest first, of one unit or (null) all.</summary>
    Task<IReadOnlyList<QuarantinedEvent>> ListAsync(string? unitCode, int limit, CancellationToken cancellationToken = default);
}
