namespace GovPulse.Storage.ChDb;

/// <summary>What a statement leaves behind on the connection that ran it.</summary>
internal enum ChDbSessionEffect
{
    /// <summary>Nothing: the connection can serve any later caller.</summary>
    None,

    /// <summary>A <c>USE</c>: the connection's current database is no longer the one it remembered.</summary>
    ChangesDatabase,

    /// <summary>A <c>SET</c> or a temporary table: state that must not leak to later callers, so the connection is retired.</summary>
    ChangesSessionState,
}
