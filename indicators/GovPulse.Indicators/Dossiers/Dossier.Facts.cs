using GovPulse.Indicators.Events;
using GovPulse.Indicators.Snapshots;

namespace GovPulse.Indicators.Dossiers;

/// <summary>A dossier's facts in a live segment: written and read back exactly, judgements never.</summary>
public sealed partial class Dossier
{
    /// <summary>
    /// Writes every fact the dossier was told (none of what Settle or the ledger derive from them), so
    /// that <see cref="ReadFacts"/> gives back a dossier that judges exactly as this one does.
    /// </summary>
    internal void WriteFacts(SnapshotWriter w)
    {
        w.String(Id);
        w.Time(LastFactAt);
        w.Bool(Receipt is not null);
        if (Receipt is { } receipt)
        {
            w.Time(receipt.ReceivedAt);
            w.SharedString(receipt.ProcedureCode);
            w.Byte((byte)receipt.Channel);
            w.OptionalTime(receipt.DueAt);
            w.Bool(receipt.StatutoryWorkingDays.HasValue);
            w.Int(receipt.StatutoryWorkingDays ?? 0);
            w.Decimal(receipt.Fee);
            w.Byte((byte)((receipt.PaperResult ? 1 : 0) | (receipt.CitizenData ? 2 : 0)));
            w.OptionalString(_receiptEventId);
        }

        WriteFacts(w, FactKind.SupplementRequest);
        WriteFacts(w, FactKind.SupplementReceipt);
        WriteFacts(w, FactKind.Apology);
        w.OptionalTime(CompletedAt);
        w.OptionalTime(ResultReturnedAt);
        w.OptionalTime(RefusedAt);
        w.OptionalTime(WithdrawnAt);
        w.OptionalTime(PaidOnlineAt);
        w.OptionalTime(DigitizedAt);
        w.OptionalTime(SyncedAt);
        w.OptionalTime(RatedAt);
        w.OptionalString(_ratingEventId);
        w.Byte(Rating is { } rating ? (byte)(rating + 1) : (byte)0);
        w.Byte((byte)((ElectronicResult ? 1 : 0) | (ReusedData ? 2 : 0) | (PersonalStoreLinked ? 4 : 0) | (Complaint ? 8 : 0)));
    }

    /// <summary>A dossier holding the facts <see cref="WriteFacts"/> wrote.</summary>
    internal static Dossier ReadFacts(SnapshotReader r)
    {
        var dossier = new Dossier(r.String()) { LastFactAt = r.Time() };
        if (r.Bool())
        {
            var receivedAt = r.Time();
            var procedure = r.SharedString();
            var channel = (Channel)r.Byte();
            var dueAt = r.OptionalTime();
            var hasWorkingDays = r.Bool();
            var workingDays = r.Int();
            var fee = r.Decimal();
            var flags = r.Byte();
            dossier.Receipt = new DossierReceipt(
                receivedAt, procedure, channel, dueAt, hasWorkingDays ? workingDays : null, fee, (flags & 1) != 0, (flags & 2) != 0);
            dossier._receiptEventId = r.OptionalString();
        }

        dossier.ReadFacts(r, FactKind.SupplementRequest);
        dossier.ReadFacts(r, FactKind.SupplementReceipt);
        dossier.ReadFacts(r, FactKind.Apology);
        for (var fact = Fact.Completed; fact <= Fact.Rated; fact++) // the order WriteFacts writes them in
        {
            if (r.OptionalTime() is { } at)
            {
                dossier.Store(fact, at);
            }
        }

        dossier._ratingEventId = r.OptionalString();
        var rated = r.Byte();
        dossier.SetRating(rated == 0 ? null : (Rating)(rated - 1));
        var marks = r.Byte();
        dossier.Mark(Marks.ElectronicResult, (marks & 1) != 0);
        dossier.Mark(Marks.ReusedData, (marks & 2) != 0);
        dossier.Mark(Marks.PersonalStoreLinked, (marks & 4) != 0);
        dossier.Mark(Marks.Complaint, (marks & 8) != 0);
        return dossier;
    }

    private void WriteFacts(SnapshotWriter w, FactKind kind)
    {
        w.Int(CountOf(kind));
        foreach (var f in _timedFacts ?? [])
        {
            if (f.Kind == kind)
            {
                w.String(f.EventId);
                w.Time(f.At);
            }
        }
    }

    private void ReadFacts(SnapshotReader r, FactKind kind)
    {
        var count = r.Int();
        ArgumentOutOfRangeException.ThrowIfNegative(count); // a damaged segment
        if (count == 0)
        {
            return;
        }

        var start = _timedFacts?.Length ?? 0;
        var facts = _timedFacts ?? [];
        Array.Resize(ref facts, start + count);
        for (var i = 0; i < count; i++)
        {
            facts[start + i] = new TimedFact(kind, r.String(), r.Time());
        }

        _timedFacts = facts;
    }
}
