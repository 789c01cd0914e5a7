namespace GovPulse.Storage.ClickHouse;

/// <summary>A row of <c>unit_sealed_months</c>: one sealed month of a unit, as the ledger wrote it.</summary>
/// <param name="State">The sealed month's bytes, uncompressed (their SHA-256 is <see cref="Key"/>'s).</param>
public sealed record StoredSealedMonth(
    string UnitCode,
    SealedMonthKey Key,
    int Dossiers,
    int Petitions,
    DateTimeOffset SavedAt,
    ReadOnlyMemory<byte> State);
