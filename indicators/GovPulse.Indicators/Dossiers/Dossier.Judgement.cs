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
        if (ReferenceEquals(_settledFor, calendar) && evaluatedAt >= _judgedFactsUntil)
        {
            var settled = _settled;
            if (settled.Outcome.IsFinished())
            {
                return settled;
            }

            var open = SupplementRequestCount <= 1 && settled.EffectiveDue > evaluatedAt ? DossierOutcome.InProgressOnTime : DossierOutcome.InProgressOverdue;
            return new DossierStanding(open, settled.EffectiveDue, null, 0m);
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
        if (ReferenceEquals(_settledFor, calendar) || Receipt is not { } receipt)
        {
            return;
        }

        try
        {
            if (!ReferenceEquals(_dueReceipt, receipt) || !ReferenceEquals(_dueCalendar, calendar))
            {
                _dueReceipt = null;
                _baseDue = receipt.DueAt ?? calendar.DueAfter(receipt.ReceivedAt, receipt.StatutoryWorkingDays ?? 0);
                _baseDueDay = LocalDay(_baseDue);
                _dueCalendar = calendar;
                _dueReceipt = receipt;
            }

            var until = DateTimeOffset.MinValue;
            Latest(ref until, _supplementRequests);
            Latest(ref until, _supplementReceipts);
            Latest(ref until, _completedAt ?? _resultReturnedAt ?? _refusedAt ?? (_withdrawnAt >= receipt.ReceivedAt ? _withdrawnAt : null));
            _judgedFactsUntil = until;
            _settled = JudgeFromFacts(until, calendar);
            _settledFor = calendar;
        }
        catch (ArgumentOutOfRangeException)
        {
            // A receipt the calendar cannot place (negative working days, dates off the calendar's
            // range): left unsettled, so Judge reports it the way it always did.
        }
    }

    private DossierStanding JudgeFromFacts(DateTimeOffset evaluatedAt, WorkingDayCalendar calendar)
    {
        var receipt = Receipt ?? throw new InvalidOperationException($"Dossier {Id} has not been received.");
        var knownDue = ReferenceEquals(_dueReceipt, receipt) && ReferenceEquals(_dueCalendar, calendar);
        var baseDue = knownDue ? _baseDue : receipt.DueAt ?? calendar.DueAfter(receipt.ReceivedAt, receipt.StatutoryWorkingDays ?? 0);

        // The supplement requests made by the evaluation time; with exactly one, it is `request`.
        var requests = 0;
        var request = default(DateTimeOffset);
        if (_supplementRequests is { } asked)
        {
            foreach (var f in asked)
            {
                if (f.At <= evaluatedAt)
                {
                    request = requests == 0 ? f.At : request;
                    requests++;
                }
            }
        }

        var wait = TimeSpan.Zero;
        DateTimeOffset? endedByRequest = null;
        if (requests == 1)
        {
            // The first answer at or after the request, by the evaluation time (default when none).
            var answer = default(DateTimeOffset);
            var answered = false;
            if (_supplementReceipts is { } answers)
            {
                foreach (var f in answers)
                {
                    if (f.At <= evaluatedAt && f.At >= request && (!answered || f.At < answer))
                    {
                        answer = f.At;
                        answered = true;
                    }
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
