using System.IO.Hashing;
using System.Security.Cryptography;
using GovPulse.Indicators.Calendar;
using GovPulse.Indicators.Periods;
using GovPulse.Indicators.Snapshots;

namespace GovPulse.Indicators.Dossiers;

/// <summary>
/// An immutable sealed month of one unit: what every period's tally needs from the month's folded
/// dossiers and petitions — per local receipt day, the tally parts at the standard evaluation instants
/// before its seal point (the ends of later months, of its quarter and of its year) and at the seal
/// point, which hold ever after — and a membership filter of their ids. Its dossiers are no longer in memory.
/// </summary>
public sealed class SealedMonth
{
    /// <summary>How many month ends after its own a sealed month keeps parts for (further ones reopen it).</summary>
    private const int MonthEndsKept = 36;

    private const int Magic = 0x4D535047; // "GPSM"

    // How a part is written: none, in full, or the same as the part at the seal point.
    private const byte NoPart = 0;
    private const byte NewPart = 1;
    private const byte FinalPart = 2;

    private byte[]? _digest;

    // The parts as objects (null while packed) and as the bytes Write gives them (null until first packed).
    // In objects a part is about 590 bytes, packed about 70: three years of the city's sealed months held
    // 164 MB of parts, most for months no question had asked about since (docs/benchmarks.md, "Fifth pass").
    private MonthPart?[][]? _parts;
    private byte[]? _packedParts;
    private bool _read;

    internal SealedMonth(
        ReceiptMonth month, int dossiers, int petitions, ulong calendar, long sealPoint, long[] instants,
        string[] procedureCodes, MonthPart?[][] parts, ulong[] filter)
    {
        Month = month;
        Dossiers = dossiers;
        Petitions = petitions;
        Calendar = calendar;
        SealPoint = sealPoint;
        Instants = instants;
        ProcedureCodes = procedureCodes;
        _parts = parts;
        Filter = filter;
    }

    public ReceiptMonth Month { get; }

    /// <summary>The folded dossiers.</summary>
    public int Dossiers { get; }

    /// <summary>The folded petitions.</summary>
    public int Petitions { get; }

    /// <summary>The fingerprint of the calendar its dossiers were judged by.</summary>
    internal ulong Calendar { get; }

    /// <summary>The latest fact time of what was folded (UTC ticks): from then on the final parts hold.</summary>
    internal long SealPoint { get; }

    /// <summary>The standard evaluation instants before the seal point (UTC ticks, ascending) with parts of their own.</summary>
    internal long[] Instants { get; }

    /// <summary>The procedure codes its parts number, in ordinal order.</summary>
    internal string[] ProcedureCodes { get; }

    /// <summary>[slot][day of month − 1]: slot i is <see cref="Instants"/>[i], the last slot the seal point on; null where nothing counts.</summary>
    internal MonthPart?[][] Parts
    {
        get
        {
            _read = true;
            return _parts ??= UnpackParts(_packedParts!);
        }
    }

    /// <summary>Whether the parts are in memory as objects (not packed).</summary>
    internal bool Unpacked => _parts is not null;

    /// <summary>The sorted keys (<see cref="SubjectKey"/>) of the folded dossiers and petitions.</summary>
    internal ulong[] Filter { get; }

    /// <summary>SHA-256 of <see cref="Write"/>'s bytes: how a live segment names the sealed months it was written beside.</summary>
    internal byte[] Digest
    {
        get
        {
            if (_digest is null)
            {
                using var buffer = new MemoryStream();
                Write(buffer);
                _digest = SHA256.HashData(buffer.ToArray());
            }

            return _digest;
        }
    }

    /// <summary>Whether the filter may hold the subject with this key (false positives are possible, false negatives not).</summary>
    internal bool MayHold(ulong key) => Array.BinarySearch(Filter, key) >= 0;

    /// <summary>The parts that answer an evaluation at <paramref name="at"/> (UTC ticks, not before the month starts), or null when none can.</summary>
    internal MonthPart?[]? PartsAt(long at)
    {
        if (at >= SealPoint)
        {
            return Parts[^1];
        }

        var slot = Array.BinarySearch(Instants, at);
        return slot >= 0 ? Parts[slot] : null;
    }

    /// <summary>Whether <see cref="PartsAt"/>(<paramref name="at"/>) has parts, without unpacking them.</summary>
    internal bool Answers(long at) => at >= SealPoint || Array.BinarySearch(Instants, at) >= 0;

    /// <summary>
    /// Packs the parts (kept as the bytes <see cref="Write"/> gives them) when nothing has read them since the
    /// last call; the next read unpacks them again.
    /// </summary>
    internal void PackIfUnread()
    {
        if (!_read && _parts is not null)
        {
            _packedParts ??= PackParts(_parts);
            _parts = null;
        }

        _read = false;
    }

    /// <summary>The standard evaluation instants of <paramref name="month"/> before <paramref name="sealPoint"/>: month ends from its own on, its quarter's and its year's end.</summary>
    internal static long[] StandardInstants(ReceiptMonth month, long sealPoint)
    {
        var instants = new SortedSet<long>();
        var first = month.FirstDay;
        for (var i = 1; i <= MonthEndsKept; i++)
        {
            var end = VietnamTime.StartOfDay(first.AddMonths(i)).UtcTicks;
            if (end >= sealPoint)
            {
                break;
            }

            instants.Add(end);
        }

        var quarter = Period.Quarter(month.Year, ((month.Month - 1) / 3) + 1).End.UtcTicks;
        var year = Period.Year(month.Year).End.UtcTicks;
        foreach (var end in (ReadOnlySpan<long>)[quarter, year])
        {
            if (end < sealPoint)
            {
                instants.Add(end);
            }
        }

        return [.. instants];
    }

    /// <summary>
    /// Writes the month in a deterministic form (the same month gives the same bytes): magic, format,
    /// the calendar's fingerprint, the month, counts, seal point, instants, procedure codes, the parts
    /// per instant and day, the filter, and a checksum of all of it.
    /// </summary>
    public void Write(Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        using var buffer = new MemoryStream();
        using (var w = new SnapshotWriter(buffer))
        {
            w.Int(Magic);
            w.Int(UnitLedger.SegmentFormat);
            w.Fixed(Calendar);
            w.Int(Month.Year);
            w.Int(Month.Month);
            w.Int(Dossiers);
            w.Int(Petitions);
            w.Fixed((ulong)SealPoint);
            w.Int(Instants.Length);
            foreach (var instant in Instants)
            {
                w.Fixed((ulong)instant);
            }

            w.Int(ProcedureCodes.Length);
            foreach (var code in ProcedureCodes)
            {
                w.String(code);
            }

            if (_parts is null)
            {
                w.Bytes(_packedParts);
            }
            else
            {
                WriteParts(w, _parts);
            }

            w.Int(Filter.Length);
            foreach (var key in Filter)
            {
                w.Fixed(key);
            }
        }

        var payload = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        output.Write(payload);
        Span<byte> checksum = stackalloc byte[8];
        XxHash64.Hash(payload, checksum);
        output.Write(checksum);
    }

    /// <summary>A sealed month <see cref="Write"/> wrote, for a unit judged by <paramref name="calendar"/>.</summary>
    /// <exception cref="SnapshotFormatException">Another format, another calendar, or damaged.</exception>
    public static SealedMonth Read(Stream input, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(calendar);
        using var copy = new MemoryStream();
        input.CopyTo(copy);
        var bytes = copy.GetBuffer().AsSpan(0, (int)copy.Length);
        Span<byte> checksum = stackalloc byte[8];
        if (bytes.Length < 8 || XxHash64.Hash(bytes[..^8], checksum) != 8 || !checksum.SequenceEqual(bytes[^8..]))
        {
            throw new SnapshotFormatException("the sealed month is damaged");
        }

        try
        {
            var payload = new MemoryStream(copy.GetBuffer(), 0, bytes.Length - 8, writable: false);
            using var r = new SnapshotReader(payload);
            if (r.Int() != Magic || r.Int() != UnitLedger.SegmentFormat)
            {
                throw new SnapshotFormatException($"not a sealed month of format {UnitLedger.SegmentFormat}");
            }

            var fingerprint = r.Fixed();
            if (fingerprint != CalendarFingerprint.Of(calendar))
            {
                throw new SnapshotFormatException("the sealed month was judged by another calendar");
            }

            var month = new ReceiptMonth(r.Int(), r.Int());
            var days = month.LastDay.Day;
            var dossiers = NotNegative(r.Int());
            var petitions = NotNegative(r.Int());
            var sealPoint = (long)r.Fixed();
            var instants = new long[NotNegative(r.Int())];
            for (var i = 0; i < instants.Length; i++)
            {
                instants[i] = (long)r.Fixed();
            }

            if (!instants.AsSpan().SequenceEqual(StandardInstants(month, sealPoint)))
            {
                throw new SnapshotFormatException("a sealed month's instants are not its standard ones");
            }

            var codes = new string[NotNegative(r.Int())];
            for (var i = 0; i < codes.Length; i++)
            {
                codes[i] = r.String();
            }

            var partsStart = (int)payload.Position;
            var parts = ReadParts(r, instants.Length, days, codes.Length);
            var partsEnd = (int)payload.Position;
            var filter = new ulong[NotNegative(r.Int())];
            for (var i = 0; i < filter.Length; i++)
            {
                filter[i] = r.Fixed();
                if (i > 0 && filter[i] < filter[i - 1])
                {
                    throw new SnapshotFormatException("a sealed month's filter is out of order");
                }
            }

            // Write gives these very bytes (it is deterministic and the checksum holds), so the digest and
            // the packed parts come from them: at a cold start every unit's sealed months are read, and
            // writing each again to hash it was 6 % of the start's CPU.
            return new SealedMonth(month, dossiers, petitions, fingerprint, sealPoint, instants, codes, parts, filter)
            {
                _digest = SHA256.HashData(bytes),
                _packedParts = bytes[partsStart..partsEnd].ToArray(),
            };
        }
        catch (Exception ex) when (ex is EndOfStreamException or ArgumentException or FormatException or OverflowException or IOException)
        {
            throw new SnapshotFormatException("the sealed month is damaged", ex);
        }
    }

    /// <summary>The parts section of <see cref="Write"/>: the parts at the seal point first; an instant's part that is the same writes only a mark.</summary>
    private static void WriteParts(SnapshotWriter w, MonthPart?[][] parts)
    {
        var final = parts[^1];
        foreach (var part in final)
        {
            w.Byte(part is null ? NoPart : NewPart);
            part?.Write(w);
        }

        foreach (var slot in parts.AsSpan(0, parts.Length - 1))
        {
            for (var day = 0; day < slot.Length; day++)
            {
                var part = slot[day];
                w.Byte(part is null ? NoPart : ReferenceEquals(part, final[day]) ? FinalPart : NewPart);
                if (part is not null && !ReferenceEquals(part, final[day]))
                {
                    part.Write(w);
                }
            }
        }
    }

    private static MonthPart?[][] ReadParts(SnapshotReader r, int instants, int days, int codes)
    {
        var parts = new MonthPart?[instants + 1][];
        var final = parts[^1] = new MonthPart?[days];
        for (var day = 0; day < days; day++)
        {
            final[day] = r.Byte() switch
            {
                NoPart => null,
                NewPart => MonthPart.Read(r, codes),
                _ => throw new SnapshotFormatException("a sealed month's part mark is damaged"),
            };
        }

        for (var slot = 0; slot < instants; slot++)
        {
            parts[slot] = new MonthPart?[days];
            for (var day = 0; day < days; day++)
            {
                parts[slot][day] = r.Byte() switch
                {
                    NoPart => null,
                    NewPart => MonthPart.Read(r, codes),
                    FinalPart when final[day] is not null => final[day],
                    _ => throw new SnapshotFormatException("a sealed month's part mark is damaged"),
                };
            }
        }

        return parts;
    }

    private static byte[] PackParts(MonthPart?[][] parts)
    {
        using var buffer = new MemoryStream();
        using (var w = new SnapshotWriter(buffer))
        {
            WriteParts(w, parts);
        }

        return buffer.ToArray();
    }

    // Packed bytes were written by this process from checked parts: damage here is a bug, not bad input.
    private MonthPart?[][] UnpackParts(byte[] packed)
    {
        using var r = new SnapshotReader(new MemoryStream(packed, writable: false));
        return ReadParts(r, Instants.Length, Month.LastDay.Day, ProcedureCodes.Length);
    }

    private static int NotNegative(int count) => count >= 0 ? count : throw new SnapshotFormatException("a sealed month holds a negative count");
}
