using GovPulse.Indicators.Calendar;
using GovPulse.Indicators.Events;

namespace GovPulse.Indicators.Dossiers;

/// <summary>
/// What a dossier contributes to a tally at any evaluation time from <see cref="SettledFrom"/> on
/// (UTC ticks throughout): its settled outcome (an open one is compared with <see cref="Due"/>),
/// processing days as the parts of their decimal, and its facts as <see cref="RowFacts"/>.
/// A small struct in its receipt month's list, so a tally walks memory in order.
/// </summary>
internal struct LedgerRow
{
    public Dossier Dossier;
    public long ReceivedAt;

    /// <summary>long.MaxValue while the dossier is not settled: then it is always judged from its facts.</summary>
    public long SettledFrom;
    public long Due;
    public ulong ProcessingLow;
    public uint ProcessingHigh;
    public byte ProcessingScale;
    public DossierOutcome Outcome;
    public RowFacts Facts;
    public int Procedure;
    public int Apologies;

    public readonly bool IsSettled => SettledFrom != long.MaxValue;

    public static LedgerRow Of(Dossier dossier, DossierReceipt receipt, WorkingDayCalendar calendar)
    {
        var row = new LedgerRow
        {
            Dossier = dossier,
            ReceivedAt = receipt.ReceivedAt.UtcTicks,
            SettledFrom = long.MaxValue,
            Procedure = dossier.LedgerProcedure,
        };

        if (!dossier.IsSettledFor(calendar))
        {
            return row;
        }

        var settled = dossier.Settled;
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(settled.ProcessingDays, bits);
        if (bits[3] < 0)
        {
            // A negative zero: leave the dossier to be judged from its facts rather than lose the sign.
            return row;
        }

        var digitized = dossier.DigitizedAt is not null;
        var facts = RowFacts.None;
        facts |= receipt.Channel == Channel.Online ? RowFacts.Online : RowFacts.None;
        facts |= receipt.Fee > 0 ? RowFacts.Fee : RowFacts.None;
        facts |= receipt.Fee > 0 && dossier.PaidOnlineAt is not null ? RowFacts.FeePaidOnline : RowFacts.None;
        facts |= dossier.SyncedAt is not null ? RowFacts.Synced : RowFacts.None;
        facts |= receipt.PaperResult ? RowFacts.PaperResult : RowFacts.None;
        facts |= dossier.ElectronicResult && dossier.ResultReturnedAt is not null ? RowFacts.ElectronicReturned : RowFacts.None;
        facts |= digitized ? RowFacts.Digitized : RowFacts.None;
        facts |= digitized && dossier.ReusedData ? RowFacts.Reused : RowFacts.None;
        facts |= digitized && dossier.PersonalStoreLinked ? RowFacts.Linked : RowFacts.None;
        facts |= receipt.CitizenData ? RowFacts.CitizenData : RowFacts.None;
        facts |= dossier.RatedAt is not null && (dossier.Rating == Rating.Dissatisfied || dossier.Complaint) ? RowFacts.RatedUnhappy : RowFacts.None;
        facts |= dossier.SupplementRequestCount > 1 ? RowFacts.TooManyRequests : RowFacts.None;

        row.SettledFrom = dossier.LastFactAt.UtcTicks;
        row.Due = settled.EffectiveDue.UtcTicks;
        row.Outcome = settled.Outcome;
        row.ProcessingLow = (uint)bits[0] | ((ulong)(uint)bits[1] << 32);
        row.ProcessingHigh = (uint)bits[2];
        row.ProcessingScale = (byte)(bits[3] >> 16);
        row.Facts = facts;
        row.Apologies = dossier.ApologyCount;
        return row;
    }
}
