namespace GovPulse.Storage.ClickHouse;

/// <summary>
/// The <c>audit_log</c> table (migration 0026). Append-only: nothing here changes or deletes an
/// entry; only the retention TTL ends one.
/// </summary>
public interface IAuditLog
{
    /// <summary>Stores one entry; it is readable on every node once this completes.</summary>
    Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default);

    /// <summary>The entries <paramref name="query"/> selects, newest first.</summary>
    Task<IReadOnlyList<AuditEntry>> ReadAsync(AuditQuery query, CancellationToken cancellationToken = default);

    /// <summary>Sets how many days an entry is kept (the table's TTL), unless it is set so already; true when it changed.</summary>
    Task<bool> KeepForAsync(int days, CancellationToken cancellationToken = default);
}
