using GovPulse.Indicators.Dossiers;
using GovPulse.Indicators.Evaluation;
using GovPulse.Indicators.Periods;
using GovPulse.Indicators.Scoring;

namespace GovPulse.Grains;

/// <summary>What a unit answers and tells: its figures, scorecards and dossiers to chase, the due-time clock it watches, and its reports to the city and pushes to viewers.</summary>
public sealed partial class UnitGrain
{
    public Task<Scorecard> GetScorecard(Period period) => ScorecardForAsync(period);

    public Task<UnitFigures> GetFigures(Period period) => FiguresForAsync(period, clock.Now);

    public Task<UnitFigures> GetFiguresAt(Period period, DateTimeOffset at) => FiguresForAsync(period, at);

    public Task<UnitFiguresReport> GetReport(Period period) => ReportForAsync(period);

    /// <summary>The figures with the log position they are of, so the city keeps the newer whatever the clocks.</summary>
    private async Task<UnitFiguresReport> ReportForAsync(Period period)
    {
        var now = clock.Now;
        var figures = await FiguresForAsync(period, now);
        return new(_unit.Code, _position, period, figures, period.EvaluationTime(now), _ledger.NextTurnOverdue(now));
    }

    public async Task<ChaseList> GetDossiersToChase(ChaseStatus status, int offset, int limit, DateTimeOffset asOf)
    {
        // A dossier folded into a sealed month had closed by its seal point; asked about an instant
        // before that, it may have been open then, so such months come back first.
        for (var round = 1; round <= MaxReopens; round++)
        {
            var needed = _ledger.SealedMonths
                .Where(m => m.Month.Start < asOf)
                .SelectMany(m => _ledger.SealedMonthsNeededFor(m.Month.AsPeriod(), asOf))
                .Distinct()
                .ToList();
            if (needed.Count == 0)
            {
                break;
            }

            await ReopenAsync(_ledger, needed, _position, "a chase list as of an instant before they were sealed");
        }

        return ChaseList.Of(_ledger, status, asOf, offset, limit);
    }

    public async Task CheckClock()
    {
        // This timer has fired (or the wait was cut to MaxClockWait): arm a new one below.
        _dueTimer?.Dispose();
        _dueTimer = null;
        // A unit the city wakes at a due time it slept through (deactivated while idle) has not told
        // anyone its figures yet: the due time is behind it, so it tells them now.
        if ((_nextDue is { } due && clock.Now >= due) || _lastReported is null)
        {
            _nextDue = null;
            await ChangedAsync();
        }

        WatchNextDue();
    }

    /// <summary>The period's figures judged at <paramref name="at"/> (or the period's end, if sooner).</summary>
    private async Task<UnitFigures> FiguresForAsync(Period period, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(period);
        var tally = await TallyAsync(period, period.EvaluationTime(at));
        return UnitEvaluation.Figures(tally, catalogTallies.For(_level, period));
    }

    private async Task<Scorecard> ScorecardForAsync(Period period)
    {
        var now = clock.Now;
        var figures = await FiguresForAsync(period, now);
        return UnitEvaluation.Scorecard(_unit, period.Label, period.EvaluationTime(now), figures, bands) with { Version = _position };
    }

    /// <summary>Sets the scoring clock to wake this grain when the next open dossier turns overdue.</summary>
    private void WatchNextDue()
    {
        var next = _ledger.NextTurnOverdue(clock.Now);
        if (next == _nextDue && _dueTimer is not null)
        {
            return;
        }

        _dueTimer?.Dispose();
        _dueTimer = null;
        _nextDue = next;
        if (next is { } due)
        {
            // The callback runs outside the grain's turn, so it calls the grain like any client would.
            var self = this.AsReference<IUnitGrain>();
            // A timer cannot wait longer than about 49 days, and an appointment may be further away:
            // wait at most a day, then look again.
            var wait = due - clock.Now;
            wait = wait < TimeSpan.Zero ? TimeSpan.Zero : wait > MaxClockWait ? MaxClockWait : wait;
            _dueTimer = clock.Time.CreateTimer(_ => self.CheckClock().Ignore(), null, wait, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>
    /// Tells the city the current month's figures and pushes them to viewers. Waited for by default, so
    /// an acknowledged ingest is in the city's figures (and its kept ended periods are asked again)
    /// before the ingest answers; a report that fails is logged, not thrown: the events are stored and
    /// applied, and the city's reconciliation (<see cref="ICityGrain.Reconcile"/>) heals it.
    /// </summary>
    private async Task ChangedAsync(bool waitForCity = true, bool pushEvenIfSame = false)
    {
        var current = await ReportForAsync(Period.MonthOf(clock.Now));
        // Viewers gain nothing from the same figures again: an event of a past month (a backfill, a
        // late event) leaves this month's as they were pushed, or as the scheduled push will show them.
        var unchanged = !pushEvenIfSame && _lastReported is { } last && last.SameFigures(current);
        _lastReported = current;
        var report = _pool.Report(current);
        if (waitForCity)
        {
            try
            {
                await report;
            }
#pragma warning disable CA1031 // The city heals a lost report; an ingest must not fail on it.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogReportFailed(ex, _unit.Code);
            }
        }
        else
        {
            report.Ignore();
        }

        if (!unchanged)
        {
            _delayedPush = await _throttle.ChangedAsync(this, _delayedPush, clock.Now, PushAsync);
        }
    }

    private async Task PushAsync()
    {
        try
        {
            await _throttle.PushAsync(clock.Now, publisher, () => ScorecardForAsync(Period.MonthOf(clock.Now)));
        }
#pragma warning disable CA1031 // A viewer-side failure must never fail an ingest.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogPushFailed(ex, _unit.Code);
        }
    }
}
