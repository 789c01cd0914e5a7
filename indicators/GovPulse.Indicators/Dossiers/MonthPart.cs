using GovPulse.Indicators.Snapshots;

namespace GovPulse.Indicators.Dossiers;

/// <summary>
/// What the folded dossiers and petitions received on one day of a sealed month give a tally at one
/// evaluation instant: the integer counts, the processing days as exact per-scale sums of mantissas,
/// and the flags of each procedure (by its number in the month's code table) for the distinct-procedure
/// counts, which combine as a union.
/// </summary>
internal sealed class MonthPart
{
    public MonthPart(TallyCounts counts, (byte Scale, UInt128 Sum)[] processing, (int Code, byte Flags)[] procedures)
    {
        Counts = counts;
        Processing = processing;
        Procedures = procedures;
    }

    public TallyCounts Counts { get; }

    /// <summary>Ascending by scale, one entry per scale that occurs.</summary>
    public (byte Scale, UInt128 Sum)[] Processing { get; }

    /// <summary>Ascending by code, only procedures with a flag set.</summary>
    public (int Code, byte Flags)[] Procedures { get; }

    /// <summary>The part a counter holds (its procedures by the ledger's numbers, mapped to the month's codes); null when it counted nothing.</summary>
    public static MonthPart? Of(in Counter counter, Span<byte> procedures, IReadOnlyList<string> codesByNumber, IReadOnlyDictionary<string, int> codeIndex)
    {
        var flagged = new List<(int Code, byte Flags)>();
        for (var number = 0; number < procedures.Length; number++)
        {
            if (procedures[number] != 0)
            {
                flagged.Add((codeIndex[codesByNumber[number]], procedures[number]));
                procedures[number] = 0;
            }
        }

        var processing = new List<(byte Scale, UInt128 Sum)>();
        for (var scale = 0; scale < 29; scale++)
        {
            if ((counter.Scales & (1u << scale)) != 0)
            {
                processing.Add(((byte)scale, counter.ScaleSum(scale)));
            }
        }

        if (counter.Counts.IsZero && flagged.Count == 0 && processing.Count == 0)
        {
            return null;
        }

        flagged.Sort((a, b) => a.Code.CompareTo(b.Code));
        return new MonthPart(counter.Counts, [.. processing], [.. flagged]);
    }

    /// <summary>Whether the part counts exactly what <paramref name="other"/> does (then a sealed month keeps one of them for both instants).</summary>
    public bool SameAs(MonthPart other) =>
        Counts.SameAs(other.Counts) && Processing.AsSpan().SequenceEqual(other.Processing) && Procedures.AsSpan().SequenceEqual(other.Procedures);

    /// <summary>This part and <paramref name="other"/> (of disjoint subjects, same code table) as one.</summary>
    public MonthPart Plus(MonthPart? other)
    {
        if (other is null)
        {
            return this;
        }

        var counts = Counts;
        counts.Add(other.Counts);
        var processing = new SortedDictionary<byte, UInt128>();
        foreach (var (scale, sum) in Processing.Concat(other.Processing))
        {
            processing[scale] = processing.GetValueOrDefault(scale) + sum;
        }

        var procedures = new SortedDictionary<int, byte>();
        foreach (var (code, flags) in Procedures.Concat(other.Procedures))
        {
            procedures[code] = (byte)(procedures.GetValueOrDefault(code) | flags);
        }

        return new MonthPart(counts, [.. processing.Select(p => (p.Key, p.Value))], [.. procedures.Select(p => (p.Key, p.Value))]);
    }

    /// <summary>This part with its procedure codes renumbered through <paramref name="map"/> (old number → new).</summary>
    public MonthPart Renumbered(int[] map)
    {
        var procedures = Procedures.Select(p => (map[p.Code], p.Flags)).ToArray();
        Array.Sort(procedures, (a, b) => a.Item1.CompareTo(b.Item1));
        return new MonthPart(Counts, Processing, procedures);
    }

    public void Write(SnapshotWriter w)
    {
        Counts.Write(w);
        w.Int(Processing.Length);
        foreach (var (scale, sum) in Processing)
        {
            w.Byte(scale);
            w.Fixed((ulong)sum);
            w.Fixed((ulong)(sum >> 64));
        }

        w.Int(Procedures.Length);
        foreach (var (code, flags) in Procedures)
        {
            w.Int(code);
            w.Byte(flags);
        }
    }

    public static MonthPart Read(SnapshotReader r, int codes)
    {
        var counts = TallyCounts.Read(r);
        var processing = new (byte Scale, UInt128 Sum)[Bounded(r.Int(), 29)];
        for (var i = 0; i < processing.Length; i++)
        {
            var scale = r.Byte();
            var low = r.Fixed();
            var high = r.Fixed();
            processing[i] = scale <= 28 && (i == 0 || scale > processing[i - 1].Scale)
                ? (scale, new UInt128(high, low))
                : throw new SnapshotFormatException("a sealed month's processing days are out of order");
        }

        var procedures = new (int Code, byte Flags)[Bounded(r.Int(), codes)];
        for (var i = 0; i < procedures.Length; i++)
        {
            var code = r.Int();
            var flags = r.Byte();
            procedures[i] = code >= 0 && code < codes && (i == 0 || code > procedures[i - 1].Code)
                ? (code, flags)
                : throw new SnapshotFormatException("a sealed month's procedures are out of order");
        }

        return new MonthPart(counts, processing, procedures);
    }

    private static int Bounded(int count, int max) =>
        count >= 0 && count <= max ? count : throw new SnapshotFormatException("a sealed month's part is damaged");
}
