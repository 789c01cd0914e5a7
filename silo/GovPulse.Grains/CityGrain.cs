using GovPulse.Grains.City;
using GovPulse.Indicators.Calendar;
using GovPulse.Indicators.Catalog;
using GovPulse.Indicators.Dossiers;
using GovPulse.Indicators.Evaluation;
using GovPulse.Indicators.Periods;
using GovPulse.Indicators.Scoring;
using GovPulse.Indicators.Units;
using GovPulse.Storage.ClickHouse;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace GovPulse.Grains;

/// <summary>
/// Ho Chi Minh City: pools the figures of all its units (its own desk, departments, communes)
/// by adding numerators and denominators, without keeping every unit awake (docs/architecture.md,
/// "City figures"). It keeps each unit's latest current-month report, so a change costs one report,
/// not 186 calls; reports are ordered by the unit's log position, never by a clock. It keeps the
/// units' reports of the ended periods it was asked for and asks a unit again only when its log
/// moved. Reconciliation (on activation and every <see cref="CityOptions.ReconcileInterval"/>) reads
/// every unit's last log position in one query and asks only the units it has news of, so a report
/// lost on the way heals. It wakes a unit when the unit's next due time comes, so an idle unit may
/// deactivate without its figures missing a dossier turning overdue.
/// Keyed by a province's code it pools that province's units; keyed by the nation's, every unit
/// (no unit reports to the nation: its current month moves at each reconciliation).
/// </summary>
public sealed partial class CityGrain(
    UnitDirectory units,
    BandThresholds bands,
    CatalogTallies catalogTallies,
    GrainsByKey<IUnitGrain> unitGrains,
    IEventStore store,
    IScorecardPublisher publisher,
    ScoringClock clock,
    IOptions<CityOptions> options,
    ILogger<CityGrain> logger) : Grain, ICityGrain
{
    /// <summary>The longest the scoring clock waits before the city looks again at the next due time (a timer cannot wait ~49 days).</summary>
    private static readonly TimeSpan MaxClockWait = TimeSpan.FromDays(1);

    /// <summary>
    /// How long after its clock says a unit's reported due time has already passed the city wakes it:
    /// not at once, so a unit on a node whose clock is behind is not woken in a loop.
    /// </summary>
    private static readonly TimeSpan WakeAgainAfter = TimeSpan.FromSeconds(1);

    private readonly Dictionary<string, UnitTrack> _units = new(StringComparer.Ordinal);
    private readonly DueSchedule _due = new();
    private readonly EndedPeriodReports _ended = new(options.Value.EndedPeriodsKept);
    private readonly LivePushThrottle _throttle = new(LivePushThrottle.OncePerSecond);
    private IGrainTimer? _delayedPush;
    private ITimer? _dueTimer;
    private DateTimeOffset? _dueTimerAt;

    /// <summary>The unit this grain pools: its key's (the deployment's province for an unknown key).</summary>
    private Unit Pooling => units.Find(this.GetPrimaryKeyString()) ?? units.City;

    private IReadOnlyList<Unit> Members => units.MembersOf(Pooling.Code);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        foreach (var unit in Members)
        {
            _units[unit.Code] = new UnitTrack();
        }

        await ReconcileAsync(Period.MonthOf(clock.Now));
        var every = options.Value.ReconcileInterval;
        this.RegisterGrainTimer(Reconcile, new GrainTimerCreationOptions(every, every));
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _dueTimer?.Dispose();
        return Task.CompletedTask;
    }

    public async Task Report(UnitFiguresReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (!_units.TryGetValue(report.UnitCode, out var track))
        {
            return;
        }

        track.Heard(report, told: true);
        if (Keep(track, report))
        {
            await ChangedAsync();
        }
    }

    public async Task Reconcile()
    {
        if (await ReconcileAsync(Period.MonthOf(clock.Now)) > 0)
        {
            await ChangedAsync();
        }
    }

    public async Task<Scorecard> GetScorecard(Period period)
    {
        ArgumentNullException.ThrowIfNull(period);
        var now = clock.Now;
        IEnumerable<UnitFiguresReport> reports;
        if (period == Period.MonthOf(now))
        {
            // A new month: reconcile once, then live on the units' reports.
            if (_units.Values.Any(t => t.Current?.Period != period))
            {
                await ReconcileAsync(period);
            }

            reports = _units.Values.Select(t => t.Current).OfType<UnitFiguresReport>().Where(r => r.Period == period);
        }
        else if (period.End <= now)
        {
            reports = (await EndedReportsAsync(period, Members)).Select(k => k.Report);
        }
        else
        {
            reports = await LiveReportsAsync(period, Members);
        }

        return Pooled(period, reports.ToList());
    }

    public async Task<Immutable<IReadOnlyList<Scorecard>>> GetUnitScorecards(Period period, IReadOnlyList<string> unitCodes)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(unitCodes);
        var members = unitCodes
            .Select(code => units.Find(code) is { } unit && _units.ContainsKey(code)
                ? unit
                : throw new ArgumentException($"'{code}' is not a unit {Pooling.Code} pools; GET /api/v1/units lists them", nameof(unitCodes)))
            .ToList();
        if (period.End > clock.Now)
        {
            return new(await Task.WhenAll(members.Select(u => unitGrains[u.Code].GetScorecard(period))));
        }

        var kept = await EndedReportsAsync(period, members);
        var scorecards = new Scorecard[members.Count];
        for (var i = 0; i < scorecards.Length; i++)
        {
            var report = kept[i].Report;
            // As the unit grain builds it: its figures judged at the period's end, versioned by its log position.
            scorecards[i] = kept[i].Scorecard ??=
                UnitEvaluation.Scorecard(members[i], period.Label, report.EvaluatedAt, report.Figures, bands) with { Version = report.Position };
        }

        return new(scorecards);
    }

    public Task WakeDueUnits()
    {
        _dueTimer?.Dispose();
        _dueTimer = null;
        _dueTimerAt = null;
        // Not awaited: a unit that must activate to be woken does not hold up the city's other calls.
        foreach (var code in _due.TakeDue(clock.Now))
        {
            WakeAsync(code).Ignore();
        }

        ArmDueTimer();
        return Task.CompletedTask;
    }

    /// <summary>
    /// Has the unit re-judge itself (it reports and pushes if its figures moved), then takes its
    /// current report, which a freshly activated unit does not send by itself. A failure leaves the
    /// unit to reconciliation, which asks any unit whose due time has passed.
    /// </summary>
    private async Task WakeAsync(string code)
    {
        try
        {
            var unit = unitGrains[code];
            await unit.CheckClock();
            var report = await unit.GetReport(Period.MonthOf(clock.Now));
            var track = _units[code];
            track.Heard(report, told: false);
            if (Keep(track, report))
            {
                await ChangedAsync();
            }
        }
#pragma warning disable CA1031 // A unit that cannot be woken now is asked again by the next reconciliation.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogWakeFailed(ex, code);
        }
    }

    /// <summary>
    /// Keeps <paramref name="report"/> when it is of the city's current month and newer than the one
    /// held: a higher log position, or the same position judged later (a due time passed). A report of
    /// another month (late, or from a node whose clock is ahead) waits for the next reconciliation.
    /// Returns whether the city's figures or version moved (a report judged later with the same
    /// figures is kept, but is nothing to push).
    /// </summary>
    private bool Keep(UnitTrack track, UnitFiguresReport report)
    {
        var now = clock.Now;
        var month = Period.MonthOf(now);
        var known = track.Current?.Period == month ? track.Current : null;
        if (report.Period != month || (known is not null && !report.Supersedes(known)))
        {
            return false;
        }

        track.Current = report;
        _due.Set(report.UnitCode, report.NextDue is { } due && due <= now ? now + WakeAgainAfter : report.NextDue);
        ArmDueTimer();
        return known is null || known.Position != report.Position || !known.SameFigures(report);
    }

    /// <summary>The city's version: the sum of the positions of the reports it pools, so it grows with any unit's.</summary>
    private Scorecard Pooled(Period period, IReadOnlyCollection<UnitFiguresReport> reports)
    {
        var byCode = reports.ToDictionary(r => r.UnitCode, r => r.Figures, StringComparer.Ordinal);
        var pooled = PooledFigures.Of(units, Pooling, byCode.GetValueOrDefault);
        return UnitEvaluation.Scorecard(Pooling, period.Label, period.EvaluationTime(clock.Now), pooled, bands)
            with { Version = reports.Sum(r => r.Position) };
    }

    /// <summary>
    /// Reads every unit's last log position and asks only the units whose current-month report is
    /// missing, of another position than the log's, or past its due time; a unit with no event in
    /// the log takes the empty unit's figures without being asked. Returns how many reports moved
    /// the city's figures.
    /// </summary>
    private async Task<int> ReconcileAsync(Period month)
    {
        var last = await store.LastPositionsAsync();
        var now = clock.Now;
        var empty = new EmptyFigures(catalogTallies, month);
        var moved = 0;
        var ask = new List<string>();
        foreach (var unit in Members)
        {
            var track = _units[unit.Code];
            var position = last.TryGetValue(unit.Code, out var p) ? p : (long?)null;
            track.Logs(position);
            var current = track.Current?.Period == month ? track.Current : null;
            if (!track.Logged)
            {
                moved += current is null && Keep(track, EmptyReport(unit, month, now, empty)) ? 1 : 0;
            }
            else if (current is null || current.Position != (position ?? 0) || current.NextDue <= now)
            {
                ask.Add(unit.Code);
            }
        }

        foreach (var report in await AskReportsAsync(ask, month))
        {
            var track = _units[report.UnitCode];
            track.Heard(report, told: false);
            moved += Keep(track, report) ? 1 : 0;
        }

        LogReconciled(last.Count, ask.Count, moved);
        return moved;
    }

    /// <summary>
    /// The members' reports of an ended period, in their order: the ones kept while their unit's log
    /// has not moved since, the empty unit's for a unit with no event, and the others asked of their
    /// units (and kept, when judged at the period's end).
    /// </summary>
    private async Task<IReadOnlyList<KeptUnitReport>> EndedReportsAsync(Period period, IReadOnlyList<Unit> members)
    {
        var now = clock.Now;
        var kept = _ended.Of(period);
        var answer = new KeptUnitReport[members.Count];
        var empty = new EmptyFigures(catalogTallies, period);
        var ask = new List<(int Index, long Changes)>();
        for (var i = 0; i < members.Count; i++)
        {
            var unit = members[i];
            var track = _units[unit.Code];
            if (kept.TryGetValue(unit.Code, out var known) && known.Changes == track.Changes)
            {
                answer[i] = known;
            }
            else if (!track.Logged)
            {
                answer[i] = kept[unit.Code] = new KeptUnitReport(EmptyReport(unit, period, now, empty), track.Changes);
            }
            else
            {
                ask.Add((i, track.Changes));
            }
        }

        if (ask.Count == 0)
        {
            return answer;
        }

        var end = period.EvaluationTime(period.End);
        var reports = await AskReportsAsync(ask.Select(a => members[a.Index].Code).ToList(), period);
        for (var j = 0; j < reports.Length; j++)
        {
            var (index, changes) = ask[j];
            var report = reports[j];
            _units[report.UnitCode].Heard(report, told: false);
            // Kept at the count the unit stood at when asked: a change that raced the answer is asked again.
            answer[index] = new KeptUnitReport(report, changes);
            if (report.EvaluatedAt == end)
            {
                kept[report.UnitCode] = answer[index];
            }
        }

        LogEndedAsked(period.Label, ask.Count, members.Count);
        return answer;
    }

    /// <summary>A period still running that is not the current month: every unit with events is asked.</summary>
    private async Task<IReadOnlyList<UnitFiguresReport>> LiveReportsAsync(Period period, IReadOnlyList<Unit> members)
    {
        var now = clock.Now;
        var empty = new EmptyFigures(catalogTallies, period);
        var asked = await AskReportsAsync(members.Where(u => _units[u.Code].Logged).Select(u => u.Code).ToList(), period);
        return [.. asked, .. members.Where(u => !_units[u.Code].Logged).Select(u => EmptyReport(u, period, now, empty))];
    }

    /// <summary>
    /// What a unit with no event in its log reports: the empty dossier tally beside the catalogue's
    /// (which does not depend on dossiers), at position 0 — what its grain would give, without waking it.
    /// </summary>
    private static UnitFiguresReport EmptyReport(Unit unit, Period period, DateTimeOffset now, EmptyFigures empty) =>
        new(unit.Code, 0, period, empty.Of(unit.Kind), period.EvaluationTime(now));

    private async Task<UnitFiguresReport[]> AskReportsAsync(List<string> codes, Period period) =>
        codes.Count == 0 ? [] : await Task.WhenAll(codes.Select(code => unitGrains[code].GetReport(period)));

    /// <summary>Arms the scoring clock for the earliest due time the units reported, if it is not armed for it already.</summary>
    private void ArmDueTimer()
    {
        var next = _due.Next;
        if (next == _dueTimerAt && (next is null || _dueTimer is not null))
        {
            return;
        }

        _dueTimer?.Dispose();
        _dueTimer = null;
        _dueTimerAt = next;
        if (next is { } at)
        {
            // The callback runs outside the grain's turn, so it calls the grain like any client would.
            var self = this.AsReference<ICityGrain>();
            var wait = at - clock.Now;
            wait = wait < TimeSpan.Zero ? TimeSpan.Zero : wait > MaxClockWait ? MaxClockWait : wait;
            _dueTimer = clock.Time.CreateTimer(_ => self.WakeDueUnits().Ignore(), null, wait, Timeout.InfiniteTimeSpan);
        }
    }

    private async Task ChangedAsync() =>
        _delayedPush = await _throttle.ChangedAsync(this, _delayedPush, clock.Now, PushAsync);

    private async Task PushAsync()
    {
        try
        {
            var now = clock.Now;
            await _throttle.PushAsync(now, publisher, () => GetScorecard(Period.MonthOf(now)));
        }
#pragma warning disable CA1031 // A viewer-side failure must never fail a unit's report.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogPushFailed(ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live push of the city failed")]
    private partial void LogPushFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The city could not wake unit {Unit} at its due time; the next reconciliation asks it")]
    private partial void LogWakeFailed(Exception exception, string unit);

    [LoggerMessage(Level = LogLevel.Debug, Message = "The city reconciled: {Logged} units have events in the log, {Asked} were asked, {Moved} reports moved its figures")]
    private partial void LogReconciled(int logged, int asked, int moved);

    [LoggerMessage(Level = LogLevel.Debug, Message = "The city asked {Asked} of {Members} units for the ended period {Period}")]
    private partial void LogEndedAsked(string period, int asked, int members);
}
