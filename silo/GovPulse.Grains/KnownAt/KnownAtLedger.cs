using GovPulse.Indicators.Dossiers;

namespace GovPulse.Grains.KnownAt;

/// <summary>
/// A unit's ledger rebuilt from the prefix of its log known at an instant, holding the subjects
/// received in one period, and the last position that prefix counts. The ledger is shared by the
/// node's known-at activations, so every use takes <see cref="Gate"/> (its tally keeps a small cache).
/// </summary>
public sealed class KnownAtLedger(UnitLedger ledger, long position)
{
    public UnitLedger Ledger { get; } = ledger;

    public long Position { get; } = position;

    public Lock Gate { get; } = new();
}
