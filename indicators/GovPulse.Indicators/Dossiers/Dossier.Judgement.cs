using GovPulse.Indicators.Calendar;

namespace GovPulse.Indicators.Dossiers;

/// <summary>Judging a dossier by the Decision 766 timing rules at an evaluation time, and what the ledger settles once per change.</summary>
public sealed partial class Dossier
{
    /// <summary>
    /// Judges the dossier at <paramref name="evaluatedAt"/> by the Decision 766 timing rules
    /// (indicators-766.md, PROGRESS): citizen supplement time moves the due time; more than one
    /// supplement request makes the dossier overdue; one request never answered ends the dossier
    /// at the request; without a due date the statutory working days count from receipt.
    /// </summary>
    /// <remarks>
    /// Speed: once <see cref="Settle"/> has run for <paramref name="calendar"/> (the unit ledger does
    /// it after every change), an evaluation time at or after the dossier's last judged fact — the
    /// live case — returns the settled standing, with only an open dossier's due time compared;
    /// anything else is judged from the facts. Both give the same standing.
    /// </remarks>
    public DossierStanding Judge(DateTimeOffset evaluatedAt, WorkingDayCalendar calendar)
    {
        if (IsSettledFor(calendar) && evaluatedAt.UtcTicks >= _judgedFactsUntil)
        {
            if (((DossierOutcome)_settledOutcome).IsFinished())
            {
                return SettledStanding();
            }

            var open = SupplementRequestCount <= 1 && _settledDue > evaluatedAt.UtcTicks ? DossierOutcome.InProgressOnTime : DossierOutcome.InProgressOverdue;
            return new DossierStanding(open, StoredTime.At(_settledDue, _baseDueOffset), null, 0m);
        }

        return JudgeFromFacts(evaluatedAt, calendar);
    }

    /// <summary>
    /// Works out, for <paramref name="calendar"/>, what <see cref="Judge"/> needs again and again: the
    /// base due time (the appointment date, or the statutory working days from receipt) and its local
    /// day, and the standing at the last fact the timing rules read, which holds for every later
    /// evaluation time but for an open dossier's due time. Does nothing before the receipt, or when
    /// nothing judged has changed since the last call. Judge never writes these, so concurrent
    /// readers stay safe as before; Apply and Settle are the writers.
    /// </summary>
    internal void Settle(WorkingDayCalendar calendar)
    {
        if (IsSettledFor(calendar) || Receipt is not { } receipt)
        {
            return;
        }

        try
        {
            if (!DueKnownFor(calendar))
            {
                var baseDue = receipt.DueAt ?? calendar.DueAfter(receipt.ReceivedAt, receipt.StatutoryWorkingDays ?? 0);
                var baseDueDay = LocalDay(baseDue);
                Mark(Marks.DueKnown | Marks.Settled, false);
                _baseDue = baseDue.UtcTicks;
                _baseDueOffset = StoredTime.OffsetOf(baseDue);
                _baseDueDay = baseDueDay;
                _calendar = calendar;
                Mark(Marks.DueKnown, true);
            }

            var until = DateTimeOffset.MinValue;
            Latest(ref until, FactKind.SupplementRequest);
            Latest(ref until, FactKind.SupplementReceipt);
            Latest(ref until, FinishTime(DateTimeOffset.MaxValue));
            var settled = JudgeFromFacts(until, calendar);
            _judgedFactsUntil = until.UtcTicks;
            _settledOutcome = (byte)settled.Outcome;
            _settledDue = settled.EffectiveDue.UtcTicks;
            _settledFinished = settled.FinishedAt?.UtcTicks ?? StoredTime.None;
            _settledFinishedOffset = settled.FinishedAt is { } finished ? StoredTime.OffsetOf(finished) : (short)0;
            Mark(Marks.Settled, true);
        }
        catch (ArgumentOutOfRangeException)
        {
            // A receipt the calendar cannot place (negative working days, dates off the calendar's
            // range): left unsettled, so Judge reports it the way it always did.
        }
    }

    private bool DueKnownFor(WorkingDayCalendar calendar) => Has(Marks.DueKnown) && ReferenceEquals(_calendar, calendar);

    /// <summary>
    /// The settled standing, from what Settle kept: the due time has the base due time's offset (the
    /// citizen's time is added to it), and the processing days are the same sum JudgeFromFacts does,
    /// the citizen's time being the settled due time less the base due time.
    /// </summary>
    private DossierStanding SettledStanding()
    {
        var outcome = (DossierOutcome)_settledOutcome;
        var due = StoredTime.At(_settledDue, _baseDueOffset);
        if (_settledFinished == StoredTime.None)
        {
            return new DossierStanding(outcome, due, null, 0m);
        }

        var finished = StoredTime.At(_settledFinished, _settledFinishedOffset);
        var wait = due - StoredTime.At(_baseDue, _baseDueOffset);
        var processing = (decimal)(finished - Receipt!.ReceivedAt - wait).TotalDays;
        return new DossierStanding(outcome, due, finished, Math.Max(0m, processing));
    }

    private DossierStanding JudgeFromFacts(DateTimeOffset evaluatedAt, WorkingDayCalendar calendar)
    {
        var receipt = Receipt ?? throw new InvalidOperationException($"Dossier {Id} has not been received.");
        var knownDue = DueKnownFor(calendar);
        var baseDue = knownDue ? StoredTime.At(_baseDue, _baseDueOffset) : receipt.DueAt ?? calendar.DueAfter(receipt.ReceivedAt, receipt.StatutoryWorkingDays ?? 0);
        var at = evaluatedAt.UtcTicks;

        // The supplement requests made by the evaluation time; with exactly one, it is `request`.
        var requests = 0;
        var request = default(DateTimeOffset);
        foreach (var f in _timedFacts ?? [])
        {
            if (f.Kind == FactKind.SupplementRequest && f.UtcTicks <= at)
            {
                request = requests == 0 ? f.At : request;
                requests++;
            }
        }

        var wait = TimeSpan.Zero;
        DateTimeOffset? endedByRequest = null;
        if (requests == 1)
        {
            // The first answer at or after the request, by the evaluation time (default when none).
            var answer = default(DateTimeOffset);
            var answered = false;
            foreach (var f in _timedFacts ?? [])
            {
                if (f.Kind == FactKind.SupplementReceipt && f.UtcTicks <= at && f.UtcTicks >= request.UtcTicks && (!answered || f.UtcTicks < answer.UtcTicks))
                {
                    answer = f.At;
                    answered = true;
                }
            }

            if (answer == default)
            {
                endedByRequest = request;
            }
            else
            {
                wait = answer - request;
            }
        }

        var due = baseDue + wait;
        var finishedAt = FinishTime(evaluatedAt) ?? endedByRequest;
        if (finishedAt is { } finished)
        {
            var processing = (decimal)(finished - receipt.ReceivedAt - wait).TotalDays;
            var outcome = requests > 1 || finished > due ? DossierOutcome.FinishedLate
                : LocalDay(finished) < (knownDue && wait == TimeSpan.Zero ? _baseDueDay : LocalDay(due)) ? DossierOutcome.FinishedEarly
                : DossierOutcome.FinishedOnTime;
            return new DossierStanding(outcome, due, finished, Math.Max(0m, processing));
        }

        var open = requests <= 1 && due > evaluatedAt ? DossierOutcome.InProgressOnTime : DossierOutcome.InProgressOverdue;
        return new DossierStanding(open, due, null, 0m);
    }

    /// <summary>
    /// The time the dossier turns overdue if nothing else happens: its due time while it is open
    /// and on time; null when that moment has passed or cannot come (finished, or already late).
    /// </summary>
    public DateTimeOffset? TurnsOverdueAt(DateTimeOffset now, WorkingDayCalendar calendar)
    {
        if (Receipt is null)
        {
            return null;
        }

        var standing = Judge(now, calendar);
        return standing.Outcome == DossierOutcome.InProgressOnTime ? standing.EffectiveDue : null;
    }
}
