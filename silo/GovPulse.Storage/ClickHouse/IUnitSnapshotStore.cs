namespace GovPulse.Storage.ClickHouse;

/// <summary>The <c>unit_snapshots</c> table: each unit's latest ledger snapshot.</summary>
public interface IUnitSnapshotStore
{
    /// <summary>The unit's newest snapshot of the given format, or null when it has none.</summary>
    Task<UnitSnapshot?> FindLatestAsync(string unitCode, int format, CancellationToken cancellationToken = default);

    /// <summary>Stores a snapshot; a newer position for the same unit replaces older ones.</summary>
    Task SaveAsync(UnitSnapshot snapshot, CancellationToken cancellationToken = default);

    /// <summary>Forgets the unit's snapshots, so its next activation replays every event.</summary>
    Task DeleteAsync(string unitCode, CancellationToken cancellationToken = default);
}
