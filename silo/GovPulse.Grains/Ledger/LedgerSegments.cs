using System.Security.Cryptography;
using GovPulse.Indicators.Calendar;
using GovPulse.Indicators.Dossiers;
using GovPulse.Indicators.Snapshots;
using GovPulse.Storage.ClickHouse;

namespace GovPulse.Grains.Ledger;

/// <summary>
/// One unit's ledger in ClickHouse as segments: each sealed month written once (<c>unit_sealed_months</c>),
/// then the live segment (<c>unit_log_snapshots</c>, format <see cref="UnitLedger.SegmentFormat"/>) naming
/// the sealed months it was written beside. It remembers which sealed months are stored, so a save
/// writes only the new ones. One per unit grain activation.
/// </summary>
public sealed class LedgerSegments(string unitCode, IUnitSnapshotStore snapshots, ISealedMonthStore sealedMonths, WorkingDayCalendar calendar)
{
    /// <summary>The sealed months known to be stored, with the ledger's instance they were taken from.</summary>
    private Dictionary<ReceiptMonth, (SealedMonth Sealed, SealedMonthKey Key)> _stored = [];

    /// <summary>The unit's latest live segment, or null when it has none.</summary>
    public Task<UnitSnapshot?> FindLatestAsync(CancellationToken cancellationToken) =>
        snapshots.FindLatestAsync(unitCode, UnitLedger.SegmentFormat, cancellationToken);

    /// <summary>The ledger of <paramref name="live"/> and the sealed months it names.</summary>
    /// <exception cref="SnapshotFormatException">A named sealed month is missing or damaged, or a segment cannot be read.</exception>
    public async Task<UnitLedger> ReadAsync(UnitSnapshot live, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(live);
        return Read(live, await sealedMonths.ReadAsync(unitCode, live.SealedMonths ?? [], cancellationToken));
    }

    /// <summary>The ledger of <paramref name="live"/> and the sealed months it names, read already (<paramref name="rows"/>: those found).</summary>
    /// <exception cref="SnapshotFormatException">A named sealed month is missing or damaged, or a segment cannot be read.</exception>
    public UnitLedger Read(UnitSnapshot live, IReadOnlyList<StoredSealedMonth> rows)
    {
        ArgumentNullException.ThrowIfNull(live);
        ArgumentNullException.ThrowIfNull(rows);
        var named = live.SealedMonths ?? [];
        if (rows.Count != named.Count)
        {
            var missing = named.Except(rows.Select(r => r.Key)).Select(k => k.ToString());
            throw new SnapshotFormatException($"sealed months {string.Join(", ", missing)} are missing or damaged");
        }

        var stored = new Dictionary<ReceiptMonth, (SealedMonth, SealedMonthKey)>();
        var months = new List<SealedMonth>(rows.Count);
        foreach (var row in rows)
        {
            using var bytes = new MemoryStream(row.State.ToArray(), writable: false);
            var month = SealedMonth.Read(bytes, calendar);
            months.Add(month);
            stored[month.Month] = (month, row.Key);
        }

        using var state = new MemoryStream(live.State.ToArray(), writable: false);
        var ledger = UnitLedger.FromSegments(state, months, calendar);
        _stored = ledger.SealedMonths.ToDictionary(m => m.Month, m => (m, stored[m.Month].Item2));
        return ledger;
    }

    /// <summary>Forgets which sealed months are stored, so the next save writes them all (after a rebuild from the log).</summary>
    public void Forget() => _stored = [];

    /// <summary>Whether the ledger holds a sealed month not saved yet (a seal pass sealed it, or sealed it again after a reopen).</summary>
    public bool HasUnsaved(UnitLedger ledger) =>
        ledger.SealedMonths.Any(m => !_stored.TryGetValue(m.Month, out var kept) || !ReferenceEquals(kept.Sealed, m));

    /// <summary>
    /// Takes what to save from the ledger, synchronously (the ledger may change once the save awaits):
    /// the bytes of the sealed months not stored yet and of the live segment.
    /// </summary>
    public SegmentsToSave Take(UnitLedger ledger)
    {
        var months = new Dictionary<ReceiptMonth, (SealedMonth, SealedMonthKey)>();
        var fresh = new List<(SealedMonth Sealed, SealedMonthKey Key, byte[] Bytes)>();
        foreach (var sealedMonth in ledger.SealedMonths)
        {
            if (_stored.TryGetValue(sealedMonth.Month, out var kept) && ReferenceEquals(kept.Sealed, sealedMonth))
            {
                months[sealedMonth.Month] = kept;
                continue;
            }

            using var buffer = new MemoryStream();
            sealedMonth.Write(buffer);
            var bytes = buffer.ToArray();
            var key = new SealedMonthKey(sealedMonth.Month.FirstDay, Convert.ToHexStringLower(SHA256.HashData(bytes)));
            months[sealedMonth.Month] = (sealedMonth, key);
            if (kept.Key != key)
            {
                fresh.Add((sealedMonth, key, bytes)); // a month sealed again with the same tally is stored already
            }
        }

        using var live = new MemoryStream();
        ledger.WriteLive(live);
        return new SegmentsToSave(months, fresh, live.ToArray(), ledger.DossierCount, ledger.PetitionCount);
    }

    /// <summary>Writes the new sealed months, then the live segment naming them all at <paramref name="position"/>.</summary>
    public async Task SaveAsync(SegmentsToSave segments, long position, long events, DateTimeOffset savedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(segments);
        await sealedMonths.SaveAsync(
            [.. segments.Fresh.Select(m => new StoredSealedMonth(unitCode, m.Key, m.Sealed.Dossiers, m.Sealed.Petitions, savedAt, m.Bytes))],
            cancellationToken);
        var named = segments.Months.Values.Select(m => m.Key).OrderBy(k => k.Month).ToList();
        await snapshots.SaveAsync(
            new UnitSnapshot(unitCode, UnitLedger.SegmentFormat, position, events, savedAt, segments.Dossiers, segments.Petitions, segments.Live, named),
            cancellationToken);
        _stored = segments.Months;
    }
}
