using System.Numerics;
using System.Runtime.CompilerServices;
using GovPulse.Indicators.Calendar;
using GovPulse.Indicators.Events;
using GovPulse.Indicators.Petitions;

namespace GovPulse.Indicators.Dossiers;

/// <summary>
/// The running counts of one tally: the integer counts, and the processing days summed exactly
/// (per decimal scale, the 128-bit sum of the 96-bit mantissas), so that sums of parts combine into
/// the very decimal that adding every dossier's days one by one gives.
/// </summary>
internal struct Counter(bool exactSum)
{
    private static readonly UInt128 MaxMantissa = (UInt128.One << 96) - 1;

    public TallyCounts Counts;

    private ScaleSums _low;
    private ScaleSums _high;
    private uint _scales;
    private decimal _plainSum;

    /// <summary>True when a term could not be summed exactly (a negative zero): count again adding decimals.</summary>
    public bool Overflowed { get; private set; }

    /// <summary>The decimal scales that occur in the exact sum (bit s for scale s).</summary>
    public readonly uint Scales => _scales;

    public readonly UInt128 ScaleSum(int scale) => new(_high[scale], _low[scale]);

    /// <summary>
    /// Counts one dossier's row at <paramref name="at"/> (UTC ticks of <paramref name="evaluatedAt"/>) and
    /// narrows the span over which the count holds: a settled row contributes the same from its last fact on
    /// but for an open one's due time; one with a fact still to come is judged from its facts and pins the span.
    /// </summary>
    public void CountRow(in LedgerRow row, long at, DateTimeOffset evaluatedAt, WorkingDayCalendar calendar, Span<byte> procedures, ref TallySpan span)
    {
        if (row.ReceivedAt > at)
        {
            span.Until = Math.Min(span.Until, row.ReceivedAt);
            return;
        }

        if (at < row.SettledFrom)
        {
            span.Pinned = true;
            CountFromFacts(row.Dossier, evaluatedAt, calendar, procedures);
            return;
        }

        span.From = Math.Max(span.From, row.SettledFrom);
        var facts = row.Facts;
        var outcome = row.Outcome;
        if (outcome >= DossierOutcome.InProgressOnTime)
        {
            if ((facts & RowFacts.TooManyRequests) != 0)
            {
                outcome = DossierOutcome.InProgressOverdue;
            }
            else if (row.Due > at)
            {
                outcome = DossierOutcome.InProgressOnTime;
                span.Until = Math.Min(span.Until, row.Due);
            }
            else
            {
                outcome = DossierOutcome.InProgressOverdue;
                span.From = Math.Max(span.From, row.Due);
            }
        }
        else
        {
            AddProcessing(row.ProcessingLow, row.ProcessingHigh, row.ProcessingScale);
        }

        Count(facts, outcome, row.Apologies);
        procedures[row.Procedure] |= (byte)(facts & RowFacts.ProcedureFlags);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Count(RowFacts facts, DossierOutcome outcome, int apologies)
    {
        var finished = outcome <= DossierOutcome.FinishedLate;
        Counts.Outcomes[(int)outcome]++;
        Counts.Apologies += apologies;
        Counts.Synced += One(facts, RowFacts.Synced);
        Counts.Online += One(facts, RowFacts.Online);
        Counts.Fee += One(facts, RowFacts.Fee);
        Counts.FeePaidOnline += One(facts, RowFacts.FeePaidOnline);
        Counts.PaperFinished += finished ? One(facts, RowFacts.PaperResult) : 0;
        Counts.Electronic += finished ? One(facts, RowFacts.PaperResult | RowFacts.ElectronicReturned) : 0;
        Counts.Digitized += One(facts, RowFacts.Digitized);
        Counts.Reused += One(facts, RowFacts.Reused);
        Counts.Linked += One(facts, RowFacts.Linked);
        Counts.CitizenData += One(facts, RowFacts.CitizenData);
        Counts.Unsatisfactory += outcome is DossierOutcome.FinishedLate or DossierOutcome.InProgressOverdue || (facts & RowFacts.RatedUnhappy) != 0 ? 1 : 0;
    }

    /// <summary>1 when every fact of <paramref name="all"/> is among <paramref name="facts"/>, else 0 (branch-free).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long One(RowFacts facts, RowFacts all) => (facts & all) == all ? 1 : 0;

    /// <summary>A petition received in [<paramref name="from"/>, <paramref name="to"/>) counted at the evaluation time; its standing changes only at its receipt, resolution, rating and due times.</summary>
    public void CountPetition(Petition petition, long from, long to, DateTimeOffset evaluatedAt, ref TallySpan span)
    {
        if (petition.ReceivedAt is not { } received || received.UtcTicks < from || received.UtcTicks >= to)
        {
            return;
        }

        var at = evaluatedAt.UtcTicks;
        span.Bound(received, at);
        span.Bound(petition.ResolvedAt, at);
        span.Bound(petition.RatedAt, at);
        span.Bound(petition.DueAt, at);
        if (received > evaluatedAt)
        {
            return;
        }

        Counts.Petitions++;
        Counts.PetitionsOnTime += petition.IsOnTime(evaluatedAt) ? 1 : 0;
        Counts.PetitionsSatisfactory += petition.IsSatisfactory(evaluatedAt) ? 1 : 0;
    }

    /// <summary>Adds one non-negative decimal, given as its 96-bit mantissa and its scale.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void AddProcessing(ulong low, uint high, byte scale)
    {
        if (!exactSum)
        {
            _plainSum += new decimal((int)(uint)low, (int)(uint)(low >> 32), (int)high, false, scale);
            return;
        }

        var sum = _low[scale] + low;
        _high[scale] += high + (sum < low ? 1UL : 0UL);
        _low[scale] = sum;
        _scales |= 1u << scale;
    }

    /// <summary>Adds an exact sum of mantissas at one scale (a sealed part's); only for an exact count.</summary>
    public void AddScaleSum(int scale, UInt128 sum)
    {
        var low = (ulong)sum;
        var total = _low[scale] + low;
        _high[scale] += (ulong)(sum >> 64) + (total < low ? 1UL : 0UL);
        _low[scale] = total;
        _scales |= 1u << scale;
    }

    /// <summary>Adds another exact count (of disjoint dossiers and petitions): a month's, kept for reuse.</summary>
    public void Add(in Counter other)
    {
        Counts.Add(other.Counts);
        Overflowed |= other.Overflowed;
        for (var scales = other._scales; scales != 0; scales &= scales - 1)
        {
            var scale = BitOperations.TrailingZeroCount(scales);
            AddScaleSum(scale, other.ScaleSum(scale));
        }
    }

    /// <summary>
    /// Takes one dossier's contribution out and its new one in (both counted at this count's evaluation
    /// time); false, changing nothing, when that cannot be done exactly: a processing-day term other than
    /// the one it replaces (the sum's scale would then depend on terms no longer known), or a negative zero.
    /// </summary>
    public bool TryReplace(in Counter before, in Counter after)
    {
        if (before.Overflowed || after.Overflowed || (before._scales != 0 && (before._scales != after._scales || !before.SameSums(after))))
        {
            return false;
        }

        Counts.Subtract(before.Counts);
        Counts.Add(after.Counts);
        if (before._scales == 0)
        {
            for (var scales = after._scales; scales != 0; scales &= scales - 1)
            {
                var scale = BitOperations.TrailingZeroCount(scales);
                AddScaleSum(scale, after.ScaleSum(scale));
            }
        }

        return true;
    }

    private readonly bool SameSums(in Counter other)
    {
        for (var scales = _scales; scales != 0; scales &= scales - 1)
        {
            var scale = BitOperations.TrailingZeroCount(scales);
            if (ScaleSum(scale) != other.ScaleSum(scale))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Adds a sealed month's part: its counts, its exact sums, and its procedures' flags (numbered by the ledger).</summary>
    public void AddPart(MonthPart part, ReadOnlySpan<int> procedureNumbers, Span<byte> procedures)
    {
        Counts.Add(part.Counts);
        foreach (var (scale, sum) in part.Processing)
        {
            AddScaleSum(scale, sum);
        }

        foreach (var (code, flags) in part.Procedures)
        {
            procedures[procedureNumbers[code]] |= flags;
        }
    }

    /// <summary>
    /// The processing days as adding the decimals one by one gives them, or null when that sum
    /// might have been rounded. Adding non-negative decimals is exact, at the largest scale among
    /// them, for as long as the sum fits a decimal's 96 bits; partial sums never exceed the total,
    /// so when the exact total fits, the one-by-one sum is that total at that scale.
    /// </summary>
    public readonly decimal? ProcessingDays()
    {
        if (!exactSum)
        {
            return _plainSum;
        }

        if (_scales == 0)
        {
            return 0m;
        }

        var scale = 31 - BitOperations.LeadingZeroCount(_scales);
        var total = UInt128.Zero;
        for (var s = 0; s <= scale; s++)
        {
            if ((_scales & (1u << s)) == 0)
            {
                continue;
            }

            var part = new UInt128(_high[s], _low[s]);
            var factor = UInt128.One;
            for (var k = s; k < scale; k++)
            {
                factor *= 10;
            }

            if (part > MaxMantissa / factor)
            {
                return null;
            }

            total += part * factor;
            if (total > MaxMantissa)
            {
                return null;
            }
        }

        return new decimal((int)(uint)total, (int)(uint)(total >> 32), (int)(uint)(total >> 64), false, (byte)scale);
    }

    /// <summary>The tally's rules applied to a dossier with a fact dated after the evaluation time.</summary>
    public void CountFromFacts(Dossier dossier, DateTimeOffset evaluatedAt, WorkingDayCalendar calendar, Span<byte> procedures)
    {
        var receipt = dossier.Receipt!;
        var standing = dossier.Judge(evaluatedAt, calendar);
        Counts.Outcomes[(int)standing.Outcome]++;
        var finished = standing.Outcome.IsFinished();
        if (finished && !exactSum)
        {
            _plainSum += standing.ProcessingDays;
        }
        else if (finished)
        {
            Span<int> bits = stackalloc int[4];
            decimal.GetBits(standing.ProcessingDays, bits);
            if (bits[3] < 0)
            {
                Overflowed = true; // a negative zero: let decimal addition keep its sign
            }
            else
            {
                AddProcessing((uint)bits[0] | ((ulong)(uint)bits[1] << 32), (uint)bits[2], (byte)(bits[3] >> 16));
            }
        }

        var flags = RowFacts.None;
        Counts.Apologies += dossier.ApologiesUntil(evaluatedAt);
        Counts.Synced += Dossier.AsOf(dossier.SyncedAt, evaluatedAt) is not null ? 1 : 0;
        if (receipt.Channel == Channel.Online)
        {
            Counts.Online++;
            flags |= RowFacts.Online;
        }

        if (receipt.Fee > 0)
        {
            Counts.Fee++;
            flags |= RowFacts.Fee;
            if (Dossier.AsOf(dossier.PaidOnlineAt, evaluatedAt) is not null)
            {
                Counts.FeePaidOnline++;
                flags |= RowFacts.FeePaidOnline;
            }
        }

        procedures[dossier.LedgerProcedure] |= (byte)flags;
        if (finished && receipt.PaperResult)
        {
            Counts.PaperFinished++;
            if (dossier.ElectronicResult && Dossier.AsOf(dossier.ResultReturnedAt, evaluatedAt) is not null)
            {
                Counts.Electronic++;
            }
        }

        if (Dossier.AsOf(dossier.DigitizedAt, evaluatedAt) is not null)
        {
            Counts.Digitized++;
            Counts.Reused += dossier.ReusedData ? 1 : 0;
            Counts.Linked += dossier.PersonalStoreLinked ? 1 : 0;
        }

        Counts.CitizenData += receipt.CitizenData ? 1 : 0;
        var rated = Dossier.AsOf(dossier.RatedAt, evaluatedAt) is not null;
        if (standing.Outcome is DossierOutcome.FinishedLate or DossierOutcome.InProgressOverdue
            || (rated && (dossier.Rating == Rating.Dissatisfied || dossier.Complaint)))
        {
            Counts.Unsatisfactory++;
        }
    }

    /// <summary>One 64-bit sum per decimal scale (0–28).</summary>
    [InlineArray(29)]
    private struct ScaleSums
    {
        private ulong _sum;
    }
}
