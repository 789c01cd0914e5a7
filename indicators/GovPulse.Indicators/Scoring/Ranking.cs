namespace GovPulse.Indicators.Scoring;

/// <summary>
/// Bảng xếp hạng: units by total, best first (indicators-766.md §3).
/// </summary>
/// <remarks>
/// Two different notions of "equal", on purpose:
/// <list type="bullet">
/// <item><b>Rank</b> depends on the total alone. Units whose totals are equal (exact decimal
/// equality of the 2-decimal totals: 61.89 = 61.890, 61.89 ≠ 61.88) share a rank, and the next
/// rank skips (1, 2, 2, 4): rank = 1 + the number of units with a strictly higher total.</item>
/// <item><b>Order</b> within a shared rank uses the tie-breakers [choice]: higher PROGRESS score,
/// then more dossiers received, then unit code (ordinal). They decide who is listed first, never the
/// rank number, so a leader never sees two units with the same total ranked differently.</item>
/// </list>
/// Units with no dossiers in the period (<see cref="RankingKey.NoDossiers"/>) are not ranked: they
/// come after every ranked unit with no rank, ordered by unit code, and the ranked units' ranks are
/// those they would have without them.
/// Speed: keys in the portal's ranges (2-decimal totals and PROGRESS scores, counts below 2^36) are
/// packed into one integer each and sorted natively, which ranks 3,500 units in well under a
/// millisecond; anything else falls back to a comparer sort with the same order.
/// </remarks>
public static class Ranking
{
    /// <summary>The order of the list: total, then PROGRESS, then received, all descending, then unit code; units with no dossiers last, by code.</summary>
    public static IComparer<RankingKey> Order { get; } = Comparer<RankingKey>.Create(Compare);

    public static IReadOnlyList<RankedUnit<RankingKey>> Rank(IEnumerable<RankingKey> keys) => Rank(keys, key => key);

    /// <summary>Ranks any rows (API rows, grain reports) by the key each one gives.</summary>
    public static IReadOnlyList<RankedUnit<TUnit>> Rank<TUnit>(IEnumerable<TUnit> units, Func<TUnit, RankingKey> keyOf)
    {
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(keyOf);

        var rows = units.ToArray();
        var places = new List<Place>(rows.Length);
        var unranked = new List<Place>();
        for (var i = 0; i < rows.Length; i++)
        {
            var key = keyOf(rows[i]) ?? throw new ArgumentException("Every unit needs a ranking key.", nameof(keyOf));
            (key.NoDossiers ? unranked : places).Add(new Place(key.Total, key.Progress, key.Received, key.UnitCode, i));
        }

        var sorted = places.ToArray();
        if (!PackedOrder.TrySort(sorted))
        {
            Array.Sort(sorted, default(PlaceOrder));
        }

        var ranked = new RankedUnit<TUnit>[rows.Length];
        var rank = 0;
        for (var at = 0; at < sorted.Length; at++)
        {
            if (at == 0 || sorted[at].Total != sorted[at - 1].Total)
            {
                rank = at + 1;
            }

            ranked[at] = new RankedUnit<TUnit>(rank, rows[sorted[at].Position]);
        }

        // Units with no dossiers are not ranked: their "total" is the no-data rules' alone. They
        // follow every ranked unit, by code, and take no place, so ranked units' ranks never
        // depend on them.
        unranked.Sort(ByCode);
        for (var at = 0; at < unranked.Count; at++)
        {
            ranked[sorted.Length + at] = new RankedUnit<TUnit>(null, rows[unranked[at].Position]);
        }

        return Array.AsReadOnly(ranked);
    }

    private static int ByCode(Place x, Place y)
    {
        var c = string.CompareOrdinal(x.UnitCode, y.UnitCode);
        return c != 0 ? c : x.Position.CompareTo(y.Position);
    }

    private static int Compare(RankingKey? x, RankingKey? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? 1 : -1;
        }

        if (x.NoDossiers || y.NoDossiers)
        {
            return x.NoDossiers != y.NoDossiers ? (x.NoDossiers ? 1 : -1) : string.CompareOrdinal(x.UnitCode, y.UnitCode);
        }

        return PlaceOrder.Compare(x.Total, x.Progress, x.Received, x.UnitCode, y.Total, y.Progress, y.Received, y.UnitCode);
    }

    private readonly record struct Place(decimal Total, decimal Progress, long Received, string UnitCode, int Position);

    private readonly struct PlaceOrder : IComparer<Place>
    {
        public int Compare(Place x, Place y)
        {
            var c = Compare(x.Total, x.Progress, x.Received, x.UnitCode, y.Total, y.Progress, y.Received, y.UnitCode);

            // The input position settles a full tie (the same unit code twice), so the result never
            // depends on the unstable sort.
            return c != 0 ? c : x.Position.CompareTo(y.Position);
        }

        public static int Compare(
            decimal xTotal, decimal xProgress, long xReceived, string xCode,
            decimal yTotal, decimal yProgress, long yReceived, string yCode)
        {
            var c = decimal.Compare(yTotal, xTotal);
            if (c != 0)
            {
                return c;
            }

            c = decimal.Compare(yProgress, xProgress);
            if (c != 0)
            {
                return c;
            }

            c = yReceived.CompareTo(xReceived);
            return c != 0 ? c : string.CompareOrdinal(xCode, yCode);
        }
    }

    /// <summary>
    /// The fast path: (total, PROGRESS, received) packed into one ulong whose ascending order is the
    /// ranking's descending order, so the runtime's primitive sort does the work. Units the packing
    /// cannot tell apart are then ordered by code and input position, as the comparer would.
    /// </summary>
    private static class PackedOrder
    {
        private const int ScoreBits = 14;
        private const int ReceivedBits = 64 - (2 * ScoreBits);
        private const long MaxHundredths = (1L << ScoreBits) - 1;
        private const long MaxReceived = (1L << ReceivedBits) - 1;

        public static bool TrySort(Place[] places)
        {
            var packed = new ulong[places.Length];
            for (var i = 0; i < places.Length; i++)
            {
                var place = places[i];
                if (!TryHundredths(place.Total, out var total) || !TryHundredths(place.Progress, out var progress)
                    || place.Received is < 0 or > MaxReceived)
                {
                    return false;
                }

                packed[i] = ((ulong)(MaxHundredths - total) << (ScoreBits + ReceivedBits))
                    | ((ulong)(MaxHundredths - progress) << ReceivedBits)
                    | (ulong)(MaxReceived - place.Received);
            }

            // Sorting 4-byte positions beside the keys moves far less memory than sorting the places.
            var positions = new int[places.Length];
            for (var i = 0; i < positions.Length; i++)
            {
                positions[i] = i;
            }

            Array.Sort(packed, positions);
            var unsorted = (Place[])places.Clone();
            for (var i = 0; i < positions.Length; i++)
            {
                places[i] = unsorted[positions[i]];
            }

            for (var start = 0; start < packed.Length;)
            {
                var end = start + 1;
                while (end < packed.Length && packed[end] == packed[start])
                {
                    end++;
                }

                if (end - start > 1)
                {
                    Array.Sort(places, start, end - start, default(PlaceOrder));
                }

                start = end;
            }

            return true;
        }

        /// <summary>
        /// The value in hundredths when it is a whole number of them in [0, 163.83]. Reads the
        /// decimal's own digits and scale rather than multiplying: decimal arithmetic, not the sort,
        /// was most of the time.
        /// </summary>
        private static bool TryHundredths(decimal value, out long hundredths)
        {
            hundredths = 0;
            Span<int> bits = stackalloc int[4];
            decimal.GetBits(value, bits);
            var scale = value.Scale;
            if (value < 0m || bits[1] != 0 || bits[2] != 0 || scale > 2)
            {
                // Also the rare 2-decimal value written with more digits (61.890): the comparer path
                // ranks it correctly, just slower.
                return false;
            }

            hundredths = (uint)bits[0] * (scale == 0 ? 100L : scale == 1 ? 10L : 1L);
            return hundredths <= MaxHundredths;
        }
    }
}
