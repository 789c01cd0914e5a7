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

        WriteFacts(w, _supplementRequests);
        WriteFacts(w, _supplementReceipts);
        WriteFacts(w, _apologies);
        w.OptionalTime(_completedAt);
        w.OptionalTime(_resultReturnedAt);
        w.OptionalTime(_refusedAt);
        w.OptionalTime(_withdrawnAt);
        w.OptionalTime(_paidOnlineAt);
        w.OptionalTime(_digitizedAt);
        w.OptionalTime(_syncedAt);
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

        dossier._supplementRequests = ReadFactList(r);
        dossier._supplementReceipts = ReadFactList(r);
        dossier._apologies = ReadFactList(r);
        dossier._completedAt = r.OptionalTime();
        dossier._resultReturnedAt = r.OptionalTime();
        dossier._refusedAt = r.OptionalTime();
        dossier._withdrawnAt = r.OptionalTime();
        dossier._paidOnlineAt = r.OptionalTime();
        dossier._digitizedAt = r.OptionalTime();
        dossier._syncedAt = r.OptionalTime();
        dossier.RatedAt = r.OptionalTime();
        dossier._ratingEventId = r.OptionalString();
        var rated = r.Byte();
        dossier.Rating = rated == 0 ? null : (Rating)(rated - 1);
        var marks = r.Byte();
        dossier.ElectronicResult = (marks & 1) != 0;
        dossier.ReusedData = (marks & 2) != 0;
        dossier.PersonalStoreLinked = (marks & 4) != 0;
        dossier.Complaint = (marks & 8) != 0;
        return dossier;
    }

    private static void WriteFacts(SnapshotWriter w, List<TimedFact>? facts)
    {
        w.Int(facts?.Count ?? 0);
        foreach (var f in facts ?? [])
        {
            w.String(f.EventId);
            w.Time(f.At);
        }
    }

    private static List<TimedFact>? ReadFactList(SnapshotReader r)
    {
        var count = r.Int();
        if (count == 0)
        {
            return null;
        }

        var facts = new List<TimedFact>(count);
        for (var i = 0; i < count; i++)
        {
            facts.Add(new TimedFact(r.String(), r.Time()));
        }

        return facts;
    }
}
