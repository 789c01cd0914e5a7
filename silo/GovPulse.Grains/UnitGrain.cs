using System.Collections.Immutable;
using GovPulse.Indicators.Calendar;
using GovPulse.Indicators.Catalog;
using GovPulse.Indicators.Dossiers;
using GovPulse.Indicators.Evaluation;
using GovPulse.Indicators.Events;
using GovPulse.Indicators.Periods;
using GovPulse.Indicators.Scoring;
using GovPulse.Indicators.Snapshots;
using GovPulse.Indicators.Units;
using GovPulse.Storage.ClickHouse;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GovPulse.Grains;

/// <summary>
/// A unit's live Decision 766 figures. State is rebuilt from ClickHouse on activation (the unit's
/// latest snapshot, then the events ingested after the position it covers), so a node can die at
/// any time without losing anything that was acknowledged. The grain saves a new snapshot when it
/// has changed enough, on a timer and when its node shuts down.
/// The unit also watches the clock: when an open dossier reaches its due time the figures
/// change with no event, and the grain re-scores and pushes at that moment.
/// </summary>
public sealed partial class UnitGrain(
    IEventStore store,
    IUnitSnapshotStore snapshots,
    IOptions<SnapshotOptions> snapshotOptions,
    TimeProvider storeTime,
    UnitDirectory units,
    ProcedureCatalog catalog,
    WorkingDayCalendar calendar,
    BandThresholds bands,
    IScorecardPublisher publisher,
    ScoringClock clock,
    GovPulseMetrics metrics,
    ILogger<UnitGrain> logger) : Grain, IUnitGrain
{
    /// <summary>The longest the scoring clock waits before the grain looks again at its next due time.</summary>
    private static readonly TimeSpan MaxClockWait = TimeSpan.FromDays(1);

    private readonly SnapshotOptions _snapshots = snapshotOptions.Value;
    private UnitLedger _ledger = new(calendar);

    /// <summary>
    /// The unit's log position: the number of the last event of its log this ledger holds
    /// (positions are assigned by this grain, the unit's single writer; 0 before any).
    /// Scorecards and city reports carry it as their version.
    /// </summary>
    private long _position = LogStart;

    /// <summary>The position before the first event of a log.</summary>
    private const long LogStart = 0;
    private DateTimeOffset? _rebuiltFrom;
    private int _replayed;
    private long _rebuildMilliseconds;
    private DateTimeOffset? _lastSnapshot;
    private int _sinceSnapshot;
    private readonly LivePushThrottle _throttle = new(LivePushThrottle.OncePerSecond);
    private Unit _unit = null!;
    private ProcedureLevel _level;
    private IGrainTimer? _delayedPush;
    private ITimer? _dueTimer;
    private DateTimeOffset? _nextDue;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var code = this.GetPrimaryKeyString();
        _unit = units.Find(code) ?? throw new InvalidOperationException($"Unit '{code}' is not a known unit.");
        _level = UnitEvaluation.LevelOf(_unit.Kind);
        var started = storeTime.GetTimestamp();
        var snapshot = await LoadSnapshotAsync(code, cancellationToken);
        var events = snapshot is { } position
            ? store.ReadUnitTailAsync(code, position, cancellationToken)
            : store.ReadUnitAsync(code, cancellationToken);
        await foreach (var e in events)
        {
            _ledger.Apply(e);
            _replayed++;
        }

        _rebuiltFrom = snapshot;
        _sinceSnapshot = _replayed;
        _rebuildMilliseconds = (long)storeTime.GetElapsedTime(started).TotalMilliseconds;
        WatchNextDue();
        if (_snapshots.Enabled)
        {
            // Spread the units' checks over the interval, so they do not all save at once after a restart.
            var first = TimeSpan.FromTicks(Random.Shared.NextInt64(_snapshots.Interval.Ticks / 10, _snapshots.Interval.Ticks + 1));
            this.RegisterGrainTimer(SaveSnapshotIfChangedAsync, new GrainTimerCreationOptions(first, _snapshots.Interval));
        }

        metrics.ActiveUnits.Add(1);
        LogRebuilt(code, _replayed, _ledger.DossierCount, snapshot, _rebuildMilliseconds);
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _dueTimer?.Dispose();
        metrics.ActiveUnits.Add(-1);
        if (reason.ReasonCode == DeactivationReasonCode.ShuttingDown)
        {
            // A planned stop: save what changed so the next start replays little.
            await SaveSnapshotIfChangedAsync(cancellationToken);
        }
    }

    public async Task<DateTimeOffset> SaveSnapshot()
    {
        await SaveSnapshotAsync(CancellationToken.None);
        return _lastSnapshot!.Value;
    }

    public async Task<UnitStatus> Rebuild()
    {
        var started = storeTime.GetTimestamp();
        var ledger = new UnitLedger(calendar);
        var replayed = 0;
        await foreach (var e in store.ReadUnitAsync(_unit.Code))
        {
            ledger.Apply(e);
            replayed++;
        }

        _ledger = ledger;
        _rebuiltFrom = null;
        _replayed = replayed;
        _sinceSnapshot = replayed;
        _rebuildMilliseconds = (long)storeTime.GetElapsedTime(started).TotalMilliseconds;
        LogRebuilt(_unit.Code, replayed, ledger.DossierCount, null, _rebuildMilliseconds);
        if (_snapshots.Enabled)
        {
            await SaveSnapshotAsync(CancellationToken.None);
        }

        await ChangedAsync(); // rare, so the figures are pushed whether or not they moved
        WatchNextDue();
        return await GetStatus();
    }

    public Task<UnitStatus> GetStatus() => Task.FromResult(new UnitStatus(
        _unit.Code, _ledger.DossierCount, _ledger.PetitionCount, _rebuiltFrom, _replayed, _rebuildMilliseconds, _lastSnapshot, _sinceSnapshot, _position));

    /// <summary>The ledger from the unit's latest snapshot, and the position it covers; null (and an empty ledger) without a usable one.</summary>
    private async Task<DateTimeOffset?> LoadSnapshotAsync(string code, CancellationToken cancellationToken)
    {
        if (!_snapshots.Enabled || await snapshots.FindLatestAsync(code, UnitLedger.SnapshotFormat, cancellationToken) is not { } snapshot)
        {
            return null;
        }

        try
        {
            using var state = new MemoryStream(snapshot.State.ToArray(), writable: false);
            _ledger = UnitLedger.FromSnapshot(state, calendar);
            return snapshot.CoversUntil;
        }
        catch (SnapshotFormatException ex)
        {
            LogSnapshotUnreadable(ex, code, snapshot.CoversUntil);
            _ledger = new UnitLedger(calendar);
            return null;
        }
    }

    private async Task SaveSnapshotIfChangedAsync(CancellationToken cancellationToken)
    {
        if (_sinceSnapshot < _snapshots.MinEvents)
        {
            return;
        }

        try
        {
            await SaveSnapshotAsync(cancellationToken);
        }
#pragma warning disable CA1031 // A failed snapshot costs only a longer rebuild later; the next check tries again.
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            LogSnapshotFailed(ex, _unit.Code);
        }
    }

    private async Task SaveSnapshotAsync(CancellationToken cancellationToken)
    {
        // The position is taken before the state: every event stored before it has reached this
        // ledger, either read on activation or applied since (events are stored before they are applied).
        var now = storeTime.GetUtcNow();
        var covers = DateTimeOffset.FromUnixTimeMilliseconds((now - _snapshots.Margin).ToUnixTimeMilliseconds()); // ClickHouse keeps milliseconds
        using var state = new MemoryStream();
        _ledger.WriteSnapshot(state);
        var changes = _sinceSnapshot;
        await snapshots.SaveAsync(
            new UnitSnapshot(_unit.Code, UnitLedger.SnapshotFormat, covers, now, _ledger.DossierCount, _ledger.PetitionCount, state.ToArray()),
            cancellationToken);
        _lastSnapshot = covers;
        _sinceSnapshot -= changes;
        LogSnapshotSaved(_unit.Code, _ledger.DossierCount, state.Length, covers);
    }

    public async Task<ApplyResult> Apply(ImmutableArray<UnitEvent> events)
    {
        var changed = 0;
        foreach (var e in events)
        {
            if (e.UnitCode == _unit.Code && _ledger.Apply(e))
            {
                changed++;
            }
        }

        if (changed > 0)
        {
            _sinceSnapshot += changed;
            metrics.EventsApplied.Add(changed);
            await ChangedAsync();
            WatchNextDue();
        }

        return new ApplyResult(changed, events.Length - changed);
    }

    public Task<Scorecard> GetScorecard(Period period) => Task.FromResult(ScorecardFor(period));

    public Task<UnitFigures> GetFigures(Period period) => Task.FromResult(FiguresFor(period));

    public Task<UnitFiguresReport> GetReport(Period period) => Task.FromResult(ReportFor(period));

    /// <summary>The figures with the log position they are of, so the city keeps the newer whatever the clocks.</summary>
    private UnitFiguresReport ReportFor(Period period) =>
        new(_unit.Code, _position, period, FiguresFor(period), period.EvaluationTime(clock.Now));

    public Task<ChaseList> GetDossiersToChase(ChaseStatus status, int offset, int limit, DateTimeOffset asOf) =>
        Task.FromResult(ChaseList.Of(_ledger, status, asOf, offset, limit));

    public async Task CheckClock()
    {
        // This timer has fired (or the wait was cut to MaxClockWait): arm a new one below.
        _dueTimer?.Dispose();
        _dueTimer = null;
        if (_nextDue is { } due && clock.Now >= due)
        {
            _nextDue = null;
            await ChangedAsync();
        }

        WatchNextDue();
    }

    private UnitFigures FiguresFor(Period period)
    {
        var evaluatedAt = period.EvaluationTime(clock.Now);
        return UnitEvaluation.Figures(
            _ledger.Tally(period, evaluatedAt),
            CatalogTally.For(catalog, _level, period, calendar));
    }

    private Scorecard ScorecardFor(Period period) =>
        UnitEvaluation.Scorecard(_unit, period.Label, period.EvaluationTime(clock.Now), FiguresFor(period), bands) with { Version = _position };

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

    private async Task ChangedAsync()
    {
        // One-way: a lost report is healed by the city's reconciliation (ICityGrain.Reconcile).
        GrainFactory.GetGrain<ICityGrain>(UnitDirectory.HoChiMinhCityCode)
            .Report(ReportFor(Period.MonthOf(clock.Now)))
            .Ignore();
        _delayedPush = await _throttle.ChangedAsync(this, _delayedPush, clock.Now, PushAsync);
    }

    private async Task PushAsync()
    {
        try
        {
            await _throttle.PushAsync(clock.Now, publisher, () => Task.FromResult(ScorecardFor(Period.MonthOf(clock.Now))));
        }
#pragma warning disable CA1031 // A viewer-side failure must never fail an ingest.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogPushFailed(ex, _unit.Code);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Unit {Unit} rebuilt from {Events} events ({Dossiers} dossiers) after the snapshot covering {Snapshot} in {Milliseconds} ms")]
    private partial void LogRebuilt(string unit, int events, int dossiers, DateTimeOffset? snapshot, long milliseconds);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Unit {Unit} saved a snapshot of {Dossiers} dossiers ({Bytes} bytes) covering {CoversUntil}")]
    private partial void LogSnapshotSaved(string unit, int dossiers, long bytes, DateTimeOffset coversUntil);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Unit {Unit} could not save its snapshot; it will try again")]
    private partial void LogSnapshotFailed(Exception exception, string unit);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Unit {Unit} ignored its snapshot covering {CoversUntil}, which cannot be read, and replayed every event")]
    private partial void LogSnapshotUnreadable(Exception exception, string unit, DateTimeOffset coversUntil);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live push of unit {Unit} failed")]
    private partial void LogPushFailed(Exception exception, string unit);
}
