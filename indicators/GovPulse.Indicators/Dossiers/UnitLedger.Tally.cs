using System.Runtime.InteropServices;
using GovPulse.Indicators.Periods;

namespace GovPulse.Indicators.Dossiers;

/// <summary>The tally: live rows and petitions of the period's months, plus the parts of its sealed months.</summary>
public sealed partial class UnitLedger
{
    /// <summary>The unit's tally for dossiers and petitions received in the period, judged at <paramref name="evaluatedAt"/>.</summary>
    /// <exception cref="SealedMonthException">Sealed months of the period cannot answer (<see cref="SealedMonthsNeededFor"/>).</exception>
    public DossierTally Tally(Period period, DateTimeOffset evaluatedAt)
    {
        ArgumentNullException.ThrowIfNull(period);
        var version = _version;
        foreach (var kept in _kept)
        {
            if (kept is not null && kept.Version == version && kept.Holds(evaluatedAt.UtcTicks) && kept.Period == period)
            {
                return kept.Tally;
            }
        }

        var counted = CountAnswering(period, evaluatedAt, version);
        Keep(counted);
        return counted.Tally;
    }

    /// <summary>
    /// The sealed months that cannot answer <see cref="Tally"/>(period, evaluatedAt): an evaluation instant
    /// that is neither a standard one they keep nor at or after their seal point, or a processing-day sum
    /// that would not stay exact with them (then decimals must be added one by one, from the dossiers).
    /// </summary>
    public IReadOnlyList<ReceiptMonth> SealedMonthsNeededFor(Period period, DateTimeOffset evaluatedAt)
    {
        ArgumentNullException.ThrowIfNull(period);
        if (_sealed.Count == 0)
        {
            return [];
        }

        var needed = new List<ReceiptMonth>();
        var inPeriod = new List<ReceiptMonth>();
        var at = evaluatedAt.UtcTicks;
        for (var month = ReceiptMonth.KeyOf(period.FirstDay); month <= ReceiptMonth.KeyOf(period.LastDay); month++)
        {
            if (_sealed.TryGetValue(month, out var entry))
            {
                inPeriod.Add(entry.Month.Month);
                if (at >= entry.Month.Month.Start.UtcTicks && !entry.Month.Answers(at))
                {
                    needed.Add(entry.Month.Month);
                }
            }
        }

        if (needed.Count > 0 || inPeriod.Count == 0)
        {
            return needed;
        }

        try
        {
            Tally(period, evaluatedAt);
            return [];
        }
        catch (SealedMonthException ex)
        {
            return ex.Months;
        }
    }

    private KeptTally CountAnswering(Period period, DateTimeOffset evaluatedAt, long version)
    {
        if (Count(period, evaluatedAt, version, exactSum: true) is { } exact)
        {
            return exact;
        }

        // The exact sum does not fit a decimal: decimals must be added one by one, which sealed parts cannot.
        var sealedMonths = new List<ReceiptMonth>();
        for (var month = ReceiptMonth.KeyOf(period.FirstDay); month <= ReceiptMonth.KeyOf(period.LastDay); month++)
        {
            if (_sealed.TryGetValue(month, out var entry))
            {
                sealedMonths.Add(entry.Month.Month);
            }
        }

        return sealedMonths.Count > 0
            ? throw new SealedMonthException(sealedMonths)
            : Count(period, evaluatedAt, version, exactSum: false)!;
    }

    private void Keep(KeptTally counted)
    {
        // Replace the period's own slot if it has one, else the oldest.
        for (var i = 0; i < _kept.Length; i++)
        {
            if (_kept[i] is { } kept && kept.Period == counted.Period)
            {
                _kept[i] = counted;
                return;
            }
        }

        _kept[_nextKept] = counted;
        _nextKept = (_nextKept + 1) % _kept.Length;
    }

    /// <summary>
    /// Counts the period at <paramref name="evaluatedAt"/> and works out the span of evaluation times
    /// over which the count stays the same: a dossier whose facts have all happened contributes the
    /// same from its last fact on, except that an open one turns overdue at its due time; one with a
    /// fact still to come pins the span to the evaluation time itself; a sealed month holds from its seal
    /// point on, or only at the standard instant it answered. Null when the exact sum of the processing
    /// days would not fit a decimal, so the caller counts again adding decimals.
    /// </summary>
    private KeptTally? Count(Period period, DateTimeOffset evaluatedAt, long version, bool exactSum)
    {
        var counter = new Counter(exactSum);
        var procedures = _procedureNumbers.Count <= 1024 ? stackalloc byte[_procedureNumbers.Count] : new byte[_procedureNumbers.Count];
        var at = evaluatedAt.UtcTicks;
        var span = new TallySpan();

        for (var month = ReceiptMonth.KeyOf(period.FirstDay); month <= ReceiptMonth.KeyOf(period.LastDay); month++)
        {
            var receiptMonth = ReceiptMonth.FromKey(month);
            if (!exactSum || period.FirstDay > receiptMonth.FirstDay || period.LastDay < receiptMonth.LastDay)
            {
                CountMonth(month, period.FirstDay, period.LastDay, evaluatedAt, ref counter, procedures, ref span);
                continue;
            }

            var whole = MonthTallyAt(month, evaluatedAt);
            counter.Add(whole.Counter);
            for (var i = 0; i < whole.Procedures.Length; i++)
            {
                procedures[i] |= whole.Procedures[i];
            }

            span.From = Math.Max(span.From, whole.Span.From);
            span.Until = Math.Min(span.Until, whole.Span.Until);
            span.Pinned |= whole.Span.Pinned;
        }

        if (counter.Overflowed || counter.ProcessingDays() is not { } processingDays)
        {
            return null;
        }

        long onlineProcedures = 0, feeProcedures = 0, feeProceduresPaidOnline = 0;
        foreach (var flags in procedures)
        {
            var facts = (RowFacts)flags;
            onlineProcedures += (facts & RowFacts.Online) != 0 ? 1 : 0;
            feeProcedures += (facts & RowFacts.Fee) != 0 ? 1 : 0;
            feeProceduresPaidOnline += (facts & RowFacts.FeePaidOnline) != 0 ? 1 : 0;
        }

        var c = counter.Counts;
        var early = c.Outcomes[(int)DossierOutcome.FinishedEarly];
        var onDueDate = c.Outcomes[(int)DossierOutcome.FinishedOnTime];
        var late = c.Outcomes[(int)DossierOutcome.FinishedLate];
        var openOnTime = c.Outcomes[(int)DossierOutcome.InProgressOnTime];
        var openOverdue = c.Outcomes[(int)DossierOutcome.InProgressOverdue];
        var tally = new DossierTally
        {
            Received = early + onDueDate + late + openOnTime + openOverdue,
            FinishedEarly = early,
            FinishedOnDueDate = onDueDate,
            FinishedLate = late,
            InProgressOnTime = openOnTime,
            InProgressOverdue = openOverdue,
            Apologies = c.Apologies,
            ProcessingDays = processingDays,
            Synced = c.Synced,
            ReceivedOnline = c.Online,
            ProceduresWithOnlineDossiers = onlineProcedures,
            FeeDossiers = c.Fee,
            FeeDossiersPaidOnline = c.FeePaidOnline,
            FeeProceduresWithDossiers = feeProcedures,
            FeeProceduresPaidOnline = feeProceduresPaidOnline,
            PaperResultFinished = c.PaperFinished,
            ElectronicResultOfPaper = c.Electronic,
            Digitized = c.Digitized,
            ReusedData = c.Reused,
            PersonalStoreLinked = c.Linked,
            CitizenData = c.CitizenData,
            Unsatisfactory = c.Unsatisfactory,
            Petitions = c.Petitions,
            PetitionsOnTime = c.PetitionsOnTime,
            PetitionsSatisfactory = c.PetitionsSatisfactory,
        };

        return span.Pinned
            ? new KeptTally(period, version, at, at, at, tally)
            : new KeptTally(period, version, at, span.From, span.Until, tally);
    }

    /// <summary>The count of a whole month at the evaluation time: a kept one if its month has not changed and it holds then, else counted and kept.</summary>
    private MonthTally MonthTallyAt(int month, DateTimeOffset evaluatedAt)
    {
        var version = _monthVersions.GetValueOrDefault(month);
        var at = evaluatedAt.UtcTicks;
        var kept = _monthTallies.GetValueOrDefault(month);
        if (kept is not null)
        {
            foreach (var tally in kept)
            {
                if (tally is not null && tally.Holds(version, at))
                {
                    return tally;
                }
            }
        }

        var counter = new Counter(exactSum: true);
        var procedures = new byte[_procedureNumbers.Count];
        var span = new TallySpan();
        var receiptMonth = ReceiptMonth.FromKey(month);
        CountMonth(month, receiptMonth.FirstDay, receiptMonth.LastDay, evaluatedAt, ref counter, procedures, ref span);
        var counted = new MonthTally(version, at, span, counter, procedures);
        if (kept is null)
        {
            _monthTallies[month] = kept = new MonthTally?[2];
        }

        // Keep the newest two per month: the live evaluation time and one past instant (a period's end).
        kept[1] = kept[0];
        kept[0] = counted;
        return counted;
    }

    /// <summary>
    /// One dossier of the month changed from row <paramref name="was"/> (null: newly received) to
    /// <paramref name="now"/>: the month's kept counts take its old contribution out and its new one in,
    /// at each count's own evaluation time, rather than being counted again; a kept count where that
    /// cannot be done exactly (see <see cref="Counter.TryReplace"/>; the old contribution needed the
    /// dossier's former facts; a procedure flag would be lost) is dropped.
    /// </summary>
    private void Changed(int month, LedgerRow? was, in LedgerRow now)
    {
        var version = _monthVersions.GetValueOrDefault(month);
        _monthVersions[month] = version + 1;
        if (!_monthTallies.TryGetValue(month, out var kept))
        {
            return;
        }

        for (var i = 0; i < kept.Length; i++)
        {
            if (kept[i] is not { } tally || tally.Version != version)
            {
                kept[i] = null;
                continue;
            }

            var at = tally.At;
            if (was is { } old && old.ReceivedAt <= at && (!old.IsSettled || at < old.SettledFrom))
            {
                kept[i] = null; // its contribution then came from facts the dossier no longer has
                continue;
            }

            var procedures = new byte[_procedureNumbers.Count];
            var ignored = new TallySpan();
            var leaving = new Counter(exactSum: true);
            if (was is { } taken)
            {
                leaving.CountRow(taken, at, new DateTimeOffset(at, TimeSpan.Zero), Calendar, procedures, ref ignored);
            }

            // The other dossiers count the same over the kept span: when the changed one's last fact falls in
            // it, the count moves on to that moment, where a live tally will ask next.
            var to = now.IsSettled && now.SettledFrom > at && !tally.Span.Pinned && now.SettledFrom >= tally.Span.From && now.SettledFrom < tally.Span.Until
                ? now.SettledFrom
                : at;
            var lost = was is { } o ? procedures[o.Procedure] : (byte)0;
            Array.Clear(procedures);
            var span = new TallySpan();
            var arriving = new Counter(exactSum: true);
            arriving.CountRow(now, to, new DateTimeOffset(to, TimeSpan.Zero), Calendar, procedures, ref span);
            var counter = tally.Counter;
            if ((lost & ~procedures[was?.Procedure ?? 0]) != 0 || !counter.TryReplace(leaving, arriving))
            {
                kept[i] = null;
                continue;
            }

            var merged = new byte[procedures.Length];
            tally.Procedures.CopyTo(merged, 0);
            for (var p = 0; p < merged.Length; p++)
            {
                merged[p] |= procedures[p];
            }

            var narrowed = tally.Span;
            narrowed.From = Math.Max(narrowed.From, span.From);
            narrowed.Until = Math.Min(narrowed.Until, span.Until);
            narrowed.Pinned |= span.Pinned;
            kept[i] = new MonthTally(version + 1, to, narrowed, counter, merged);
        }
    }

    /// <summary>Counts one month's sealed parts, live rows and petitions received from <paramref name="firstDay"/> to <paramref name="lastDay"/>.</summary>
    private void CountMonth(int month, DateOnly firstDay, DateOnly lastDay, DateTimeOffset evaluatedAt, ref Counter counter, Span<byte> procedures, ref TallySpan span)
    {
        var from = VietnamTime.StartOfDay(firstDay).UtcTicks;
        var to = VietnamTime.StartOfDay(lastDay.AddDays(1)).UtcTicks;
        var at = evaluatedAt.UtcTicks;
        if (_sealed.TryGetValue(month, out var entry))
        {
            AddSealed(entry, firstDay, lastDay, at, ref counter, procedures, ref span);
        }

        if (_byReceiptMonth.TryGetValue(month, out var rows))
        {
            foreach (ref readonly var row in CollectionsMarshal.AsSpan(rows))
            {
                if (row.ReceivedAt >= from && row.ReceivedAt < to)
                {
                    counter.CountRow(row, at, evaluatedAt, Calendar, procedures, ref span);
                }
            }
        }

        if (_petitionsByMonth.TryGetValue(month, out var petitions))
        {
            foreach (var petition in petitions)
            {
                counter.CountPetition(petition, from, to, evaluatedAt, ref span);
            }
        }
    }

    /// <summary>Adds a sealed month's parts for the period's days of that month, at the evaluation time.</summary>
    private static void AddSealed(SealedEntry entry, DateOnly firstDay, DateOnly lastDay, long at, ref Counter counter, Span<byte> procedures, ref TallySpan span)
    {
        var month = entry.Month;
        var start = month.Month.Start.UtcTicks;
        if (at < start)
        {
            // Nothing of the month was received yet, and nothing will be before it starts.
            span.Until = Math.Min(span.Until, start);
            return;
        }

        var parts = month.PartsAt(at) ?? throw new SealedMonthException([month.Month]);
        if (at >= month.SealPoint)
        {
            span.From = Math.Max(span.From, month.SealPoint);
        }
        else
        {
            span.Pinned = true;
        }

        var first = firstDay > month.Month.FirstDay ? firstDay.Day : 1;
        var last = lastDay < month.Month.LastDay ? lastDay.Day : month.Month.LastDay.Day;
        for (var day = first; day <= last; day++)
        {
            if (parts[day - 1] is { } part)
            {
                counter.AddPart(part, entry.ProcedureNumbers, procedures);
            }
        }
    }
}
