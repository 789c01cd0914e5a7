namespace GovPulse.Storage.ClickHouse;

/// <summary>
/// A unit's ledger as of a position in the event log: it holds at least every event ingested at
/// or before <see cref="CoversUntil"/>, so rebuilding needs only the events ingested after it
/// (re-applying one it already holds changes nothing).
/// </summary>
/// <param name="State">The ledger's snapshot bytes, uncompressed.</param>
public sealed record UnitSnapshot(
    string UnitCode,
    int Format,
    DateTimeOffset CoversUntil,
    DateTimeOffset TakenAt,
    int Dossiers,
    int Petitions,
    ReadOnlyMemory<byte> State);
