namespace GovPulse.Storage.ClickHouse;

/// <summary>
/// A unit's ledger as of a position in its event log: it holds exactly the events at or below
/// <see cref="Position"/>, so rebuilding reads only the events after it.
/// </summary>
/// <param name="Events">
/// How many distinct event ids the log held at or below <see cref="Position"/> when the writer
/// checked it; a reader trusts the snapshot only while the log still holds that many.
/// </param>
/// <param name="State">The ledger's snapshot bytes, uncompressed: since format 3, its live segment.</param>
/// <param name="SealedMonths">
/// The sealed months (<c>unit_sealed_months</c>) the live segment was written beside, which a rebuild
/// reads with it; null or empty when there are none.
/// </param>
public sealed record UnitSnapshot(
    string UnitCode,
    int Format,
    long Position,
    long Events,
    DateTimeOffset TakenAt,
    int Dossiers,
    int Petitions,
    ReadOnlyMemory<byte> State,
    IReadOnlyList<SealedMonthKey>? SealedMonths = null);
