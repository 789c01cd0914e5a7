namespace GovPulse.Storage.ClickHouse;

/// <summary>The <c>unit_log_snapshots</c> table: each unit's latest ledger snapshot, by log position.</summary>
public interface IUnitSnapshotStore
{
    /// <summary>The unit's snapshot of the given format at the highest position, or null when it has none.</summary>
    Task<UnitSnapshot?> FindLatestAsync(string unitCode, int format, CancellationToken cancellationToken = default);

    /// <summary>Every unit's snapshot of the given format at its highest position, in one query (a node's start).</summary>
    Task<IReadOnlyDictionary<string, UnitSnapshot>> FindAllLatestAsync(int format, CancellationToken cancellationToken = default);

    /// <summary>Stores a snapshot; a higher position for the same unit replaces lower ones.</summary>
    Task SaveAsync(UnitSnapshot snapshot, CancellationToken cancellationToken = default);

    /// <summary>Forgets the unit's snapshots, so its next activation replays every event.</summary>
    Task DeleteAsync(string unitCode, CancellationToken cancellationToken = default);
}
