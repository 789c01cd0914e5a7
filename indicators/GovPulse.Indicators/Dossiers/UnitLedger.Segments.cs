using GovPulse.Indicators.Calendar;
using GovPulse.Indicators.Petitions;
using GovPulse.Indicators.Snapshots;

namespace GovPulse.Indicators.Dossiers;

/// <summary>The ledger in segments: sealed months written once each (<see cref="SealedMonth.Write"/>), and the live segment.</summary>
public sealed partial class UnitLedger
{
    /// <summary>
    /// Raise when what a segment holds or means changes: older segments are then ignored and units rebuild
    /// from their events. 2: receipts (dossier and petition) keep their event id, which breaks ties between
    /// receipts told at the same time. 3: the ledger in segments — sealed months beside a live segment that
    /// names them (format 2's whole-ledger snapshot is gone).
    /// </summary>
    public const int SegmentFormat = 3;

    private const int LiveMagic = 0x4C504720; // "GPL "

    /// <summary>
    /// Writes the live segment: every live dossier (in the order the tally visits them, so a restored
    /// ledger adds processing days in the same order) and petition — facts only, never judgements, so a
    /// segment stays right when the timing rules change — and the sealed months it was written beside
    /// (month and SHA-256 of their bytes).
    /// </summary>
    public void WriteLive(Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        using var w = new SnapshotWriter(output);
        w.Int(LiveMagic);
        w.Int(SegmentFormat);
        w.Int(_dossiers.Count);
        var written = 0;
        foreach (var month in _byReceiptMonth.Keys.Order())
        {
            foreach (var row in _byReceiptMonth[month])
            {
                row.Dossier.WriteFacts(w);
                written++;
            }
        }

        foreach (var dossier in _dossiers.Values)
        {
            if (dossier.LedgerMonth < 0)
            {
                dossier.WriteFacts(w);
                written++;
            }
        }

        if (written != _dossiers.Count)
        {
            throw new InvalidOperationException($"The ledger indexes {written} of its {_dossiers.Count} dossiers.");
        }

        w.Int(_petitions.Count);
        foreach (var petition in _petitions.Values)
        {
            petition.WriteFacts(w);
        }

        w.Int(_sealed.Count);
        foreach (var entry in _sealed.Values)
        {
            w.Int(entry.Month.Month.Year);
            w.Int(entry.Month.Month.Month);
            foreach (var b in entry.Month.Digest)
            {
                w.Byte(b);
            }
        }
    }

    /// <summary>
    /// A ledger from a live segment and the sealed months it names (extra sealed months are ignored); it
    /// answers exactly as the ledger that wrote them.
    /// </summary>
    /// <exception cref="SnapshotFormatException">
    /// The segment is of another format or damaged, or a sealed month it names is missing, different, or judged
    /// by another calendar: the caller replays the log instead.
    /// </exception>
    public static UnitLedger FromSegments(Stream live, IEnumerable<SealedMonth> sealedMonths, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(live);
        ArgumentNullException.ThrowIfNull(sealedMonths);
        var ledger = new UnitLedger(calendar);
        var offered = sealedMonths.ToList();
        try
        {
            using var r = new SnapshotReader(live);
            if (r.Int() != LiveMagic || r.Int() is var format && format != SegmentFormat)
            {
                throw new SnapshotFormatException($"not a live ledger segment of format {SegmentFormat}");
            }

            var dossiers = r.Int();
            ledger._dossiers.EnsureCapacity(dossiers);
            for (var i = 0; i < dossiers; i++)
            {
                var dossier = Dossier.ReadFacts(r);
                ledger._dossiers.Add(dossier.Id, dossier);
                ledger.Index(dossier);
            }

            var petitions = r.Int();
            for (var i = 0; i < petitions; i++)
            {
                var petition = Petition.ReadFacts(r);
                ledger._petitions.Add(petition.Id, petition);
                ledger.Index(petition);
            }

            var months = r.Int();
            var fingerprint = CalendarFingerprint.Of(calendar);
            for (var i = 0; i < months; i++)
            {
                var month = new ReceiptMonth(r.Int(), r.Int());
                var digest = new byte[32];
                for (var b = 0; b < digest.Length; b++)
                {
                    digest[b] = r.Byte();
                }

                var match = offered.Find(m => m.Month == month && m.Digest.AsSpan().SequenceEqual(digest))
                    ?? throw new SnapshotFormatException($"the sealed month {month} the live segment was written beside is missing or different");
                if (match.Calendar != fingerprint)
                {
                    throw new SnapshotFormatException($"the sealed month {month} was judged by another calendar");
                }

                ledger.Adopt(match);
            }
        }
        catch (Exception ex) when (ex is EndOfStreamException or ArgumentException or FormatException or OverflowException or IOException)
        {
            throw new SnapshotFormatException("the live segment is damaged", ex);
        }

        ledger._version++;
        return ledger;
    }
}
