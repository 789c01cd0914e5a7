using GovPulse.Indicators.Dossiers;
using GovPulse.Storage.ClickHouse;

namespace GovPulse.Grains.Ledger;

/// <summary>What one save of a unit's segments writes, taken from the ledger at one instant.</summary>
/// <param name="Months">Every sealed month of the ledger then, with its key.</param>
/// <param name="Fresh">The sealed months among them not stored yet, with their bytes.</param>
/// <param name="Live">The live segment's bytes.</param>
public sealed record SegmentsToSave(
    Dictionary<ReceiptMonth, (SealedMonth Sealed, SealedMonthKey Key)> Months,
    IReadOnlyList<(SealedMonth Sealed, SealedMonthKey Key, byte[] Bytes)> Fresh,
    byte[] Live,
    int Dossiers,
    int Petitions)
{
    /// <summary>Bytes written: the live segment and the new sealed months, uncompressed.</summary>
    public long Bytes => Live.Length + Fresh.Sum(m => (long)m.Bytes.Length);
}
