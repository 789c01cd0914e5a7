namespace GovPulse.Indicators.Dossiers;

/// <summary>
/// The facts a ledger row keeps as flags (what the tally counts of a settled dossier). The three
/// lowest are also the per-procedure flags of the distinct-procedure counts.
/// </summary>
[Flags]
internal enum RowFacts : ushort
{
    None = 0,
    Online = 1,
    Fee = 2,
    FeePaidOnline = 4,
    ProcedureFlags = Online | Fee | FeePaidOnline,
    Synced = 8,
    PaperResult = 16,
    ElectronicReturned = 32,
    Digitized = 64,
    Reused = 128,
    Linked = 256,
    CitizenData = 512,
    RatedUnhappy = 1024,
    TooManyRequests = 2048,
}
