namespace GovPulse.Indicators.Dossiers;

/// <summary>
/// Thrown by <see cref="UnitLedger.Apply"/>, <see cref="UnitLedger.Tally"/> and <see cref="UnitLedger.Reopen"/>
/// when sealed months must be reopened first; <see cref="Months"/> names them. The ledger is unchanged.
/// </summary>
public sealed class SealedMonthException(IReadOnlyList<ReceiptMonth> months)
    : InvalidOperationException($"Sealed months must be reopened first: {string.Join(", ", months)}.")
{
    public IReadOnlyList<ReceiptMonth> Months { get; } = months;
}
