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
using GovPulse.Storage.Logging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GovPulse.Grains;

/// <summary>
/// A unit's live Decision 766 figures, and the single writer of the unit's event log. Apply numbers
/// the unit's new events (positions 1, 2, 3…), stores them through the node's group commit, and
/// only then applies them; state is rebuilt on activation from the unit's latest snapshot (at a log
/// position, checked against the log) plus the events after that position, so no clock decides what
/// a rebuild reads and a node can die at any time without losing anything that was acknowledged.
/// </summary>
/// <remarks>
/// A step of Apply that fails after the events are stored breaks the activation: it deactivates and
/// the next call rebuilds from the log, which holds the events, so nothing is left half done. A stored
/// event the ledger cannot apply is quarantined (kept in the log, listed for admins, skipped by every
/// rebuild) instead of stopping the unit. The unit also watches the clock: when an open dossier
/// reaches its due time the figures change with no event, and the grain re-scores and pushes then.
/// </remarks>
public sealed partial class UnitGrain(
    IEventStore store,
    IEventLogWriter log,
    IUnitSnapshotStore snapshots,
    IQuarantineStore quarantine,
    IOptions<SnapshotOptions> snapshotOptions,
    TimeProvider storeTime,
    UnitDirectory units,
    ProcedureCatalog catalog,
    WorkingDayCalendar calendar,
    BandThresholds bands,
    IScorecardPublisher publisher,
    ScoringClock clock,
    GovPulseMetrics metrics,
    UnitApplyProbe probe,
    ILogger<UnitGrain> logger) : Grain, IUnitGrain
{
    /// <summary>The longest the scoring clock waits before the grain looks again at its next due time.</summary>
    private static readonly TimeSpan MaxClockWait = TimeSpan.FromDays(1);

    /// <summary>Poison events one rebuild quarantines at most before it gives up (a log that bad needs a person).</summary>
    private const int MaxQuarantinedPerRebuild = 100;

    private readonly SnapshotOptions _snapshots = snapshotOptions.Value;
    private UnitLedger _ledger = new(calendar);

    /// <summary>
    /// The unit's log position: the number of the last event of its log this ledger holds
    /// (positions are assigned by this grain, the unit's single writer; 0 before any).
    /// Scorecards and city reports carry it as their version.
    /// </summary>
    private long _position;

    /// <summary>The position of the snapshot this ledger started from or last saved; -1 when none (the whole log was read).</summary>
    private long _basePosition = -1;

    /// <summary>Distinct events the log holds at or below <see cref="_basePosition"/>, as that snapshot recorded.</summary>
    private long _baseEvents;

    /// <summary>Distinct events read or appended after <see cref="_basePosition"/>: what the log must hold there for a snapshot to be saved.</summary>
    private long _eventsAfterBase;

    private HashSet<string> _quarantined = new(StringComparer.Ordinal);

    /// <summary>A step failed after the log changed: this activation no longer matches the log and is deactivating.</summary>
    private bool _broken;

    /// <summary>
    /// Applies between numbering their events and applying them. Apply interleaves (so one unit's
    /// appends from concurrent batches share one group commit); while any is in flight the ledger
    /// does not yet hold every position up to <see cref="_position"/>, so no snapshot is taken.
    /// </summary>
    private int _appending;

    /// <summary>Set while <see cref="Rebuild"/> replaces the ledger; appends wait for it.</summary>
    private TaskCompletionSource? _rebuilding;

    private long? _rebuiltFrom;
    private int _replayed;
    private long _rebuildMilliseconds;
    private long? _lastSnapshot;
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
        await RebuildAsync(fromSnapshot: _snapshots.Enabled, cancellationToken);
        WatchNextDue();
        if (_snapshots.Enabled)
        {
            // Spread the units' checks over the interval, so they do not all save at once after a restart.
            var first = TimeSpan.FromTicks(Random.Shared.NextInt64(_snapshots.Interval.Ticks / 10, _snapshots.Interval.Ticks + 1));
            this.RegisterGrainTimer(SaveSnapshotIfChangedAsync, new GrainTimerCreationOptions(first, _snapshots.Interval));
        }

        metrics.ActiveUnits.Add(1);
        if (_replayed > 0)
        {
            // The log held events beyond the snapshot: the city and viewers may not have seen them
            // (a previous activation may have broken before telling them).
            await ChangedAsync();
        }
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

    public async Task<long> SaveSnapshot()
    {
        if (await SaveSnapshotAsync(CancellationToken.None) is not { } position)
        {
            throw new InvalidOperationException(
                $"Unit {_unit.Code} did not save a snapshot: events were being appended (try again), or its log holds events this activation does not (the next call rebuilds it).");
        }

        return position;
    }

    public async Task<UnitStatus> Rebuild()
    {
        ThrowIfBroken();
        var rebuilding = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _rebuilding = rebuilding;
        try
        {
            await RebuildAsync(fromSnapshot: false, CancellationToken.None);
            if (_snapshots.Enabled)
            {
                await SaveSnapshotAsync(CancellationToken.None);
            }
        }
        finally
        {
            _rebuilding = null;
            rebuilding.SetResult();
        }

        await ChangedAsync(); // rare, so the figures are pushed whether or not they moved
        WatchNextDue();
        return await GetStatus();
    }

    public Task<UnitStatus> GetStatus() => Task.FromResult(new UnitStatus(
        _unit.Code, _ledger.DossierCount, _ledger.PetitionCount, _rebuiltFrom, _replayed, _rebuildMilliseconds, _lastSnapshot, _sinceSnapshot,
        _position, _quarantined.Count, GrainContext.Address.SiloAddress?.ToString()));

    /// <summary>
    /// Rebuilds the ledger from the log: the latest usable snapshot (or nothing) plus every event after
    /// its position, in position order, skipping quarantined events. An event the ledger cannot apply
    /// is quarantined and the rebuild starts again without it, so the ledger never holds half an event.
    /// </summary>
    private async Task RebuildAsync(bool fromSnapshot, CancellationToken cancellationToken)
    {
        var code = _unit.Code;
        var started = storeTime.GetTimestamp();
        _quarantined = new HashSet<string>(await quarantine.ReadIdsAsync(code, cancellationToken), StringComparer.Ordinal);
        for (var attempt = 0; ; attempt++)
        {
            var (ledger, basePosition, baseEvents) = fromSnapshot ? await LoadSnapshotAsync(code, cancellationToken) : (new UnitLedger(calendar), -1, 0);
            var position = Math.Max(basePosition, 0);
            var read = 0;
            LoggedEvent? poison = null;
            Exception? failure = null;
            await foreach (var logged in store.ReadUnitTailAsync(code, basePosition, cancellationToken))
            {
                read++;
                position = Math.Max(position, logged.Position);
                if (_quarantined.Contains(logged.Event.EventId))
                {
                    continue;
                }

                try
                {
                    probe.Applying(logged.Event);
                    ledger.Apply(logged.Event);
                }
#pragma warning disable CA1031 // Whatever the ledger throws, the event is set aside with its reason and the unit goes on.
                catch (Exception ex) when (attempt < MaxQuarantinedPerRebuild)
#pragma warning restore CA1031
                {
                    poison = logged;
                    failure = ex;
                    break;
                }
            }

            if (poison is { } bad)
            {
                await QuarantineAsync(bad, failure!);
                continue;
            }

            _ledger = ledger;
            _position = position;
            _basePosition = basePosition;
            _baseEvents = baseEvents;
            _eventsAfterBase = read;
            _rebuiltFrom = basePosition >= 0 ? basePosition : null;
            _replayed = read;
            _sinceSnapshot = read;
            _rebuildMilliseconds = (long)storeTime.GetElapsedTime(started).TotalMilliseconds;
            LogRebuilt(code, read, _ledger.DossierCount, _rebuiltFrom, _position, _rebuildMilliseconds);
            return;
        }
    }

    /// <summary>
    /// The ledger from the unit's latest snapshot, its position and the events the log held up to it;
    /// an empty ledger at -1 without a usable one. A snapshot is used only while the log still holds
    /// exactly the events it counted at or below its position: a duplicate activation's events there
    /// would be missing from it, so it is passed over and the whole log is read.
    /// </summary>
    private async Task<(UnitLedger Ledger, long Position, long Events)> LoadSnapshotAsync(string code, CancellationToken cancellationToken)
    {
        if (await snapshots.FindLatestAsync(code, UnitLedger.SnapshotFormat, cancellationToken) is not { } snapshot)
        {
            return (new UnitLedger(calendar), -1, 0);
        }

        var held = await store.CountEventsUpToAsync(code, snapshot.Position, cancellationToken);
        if (held != snapshot.Events)
        {
            LogSnapshotStale(code, snapshot.Position, snapshot.Events, held);
            return (new UnitLedger(calendar), -1, 0);
        }

        try
        {
            using var state = new MemoryStream(snapshot.State.ToArray(), writable: false);
            return (UnitLedger.FromSnapshot(state, calendar), snapshot.Position, snapshot.Events);
        }
        catch (SnapshotFormatException ex)
        {
            LogSnapshotUnreadable(ex, code, snapshot.Position);
            return (new UnitLedger(calendar), -1, 0);
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

    /// <summary>
    /// Saves the ledger at its position, if this activation is the unit's current writer: the log must
    /// end at this grain's position and hold exactly the events it read or appended since its base.
    /// Otherwise another activation has written (a membership change): nothing is saved and this one
    /// deactivates, so the next call rebuilds from the log. Nothing is saved either while an append is
    /// in flight (the next check tries again). Returns the position saved, or null.
    /// </summary>
    private async Task<long?> SaveSnapshotAsync(CancellationToken cancellationToken)
    {
        if (_broken || _appending > 0)
        {
            return null;
        }

        var check = await store.CheckLogAsync(_unit.Code, _basePosition, cancellationToken);
        if (_broken || _appending > 0)
        {
            return null; // an append started meanwhile: its events may be in the log and not yet in the ledger
        }

        if (check.LastPosition != _position || check.EventsAfter != _eventsAfterBase)
        {
            LogNotTheWriter(_unit.Code, _position, _eventsAfterBase, check.LastPosition, check.EventsAfter);
            Break();
            return null;
        }

        // Taken together, with no await between: appends may interleave once the save is under way.
        var position = _position;
        var eventsAfter = _eventsAfterBase;
        var events = _baseEvents + eventsAfter;
        var changes = _sinceSnapshot;
        using var state = new MemoryStream();
        _ledger.WriteSnapshot(state);
        await snapshots.SaveAsync(
            new UnitSnapshot(_unit.Code, UnitLedger.SnapshotFormat, position, events, storeTime.GetUtcNow(), _ledger.DossierCount, _ledger.PetitionCount, state.ToArray()),
            cancellationToken);
        _basePosition = position;
        _baseEvents = events;
        _eventsAfterBase -= eventsAfter;
        _lastSnapshot = position;
        _sinceSnapshot -= changes;
        LogSnapshotSaved(_unit.Code, _ledger.DossierCount, state.Length, position);
        return position;
    }

    public async Task<ApplyResult> Apply(ImmutableArray<UnitEvent> events)
    {
        if (_rebuilding is { } rebuilding)
        {
            await rebuilding.Task;
        }

        ThrowIfBroken();
        var mine = events.Where(e => e.UnitCode == _unit.Code).ToList();
        if (mine.Count == 0)
        {
            return new ApplyResult(0, events.Length);
        }

        // Numbered before any await: interleaved calls take consecutive positions.
        var logged = LoggedEvent.After(_position, mine);
        _position += logged.Count;
        _eventsAfterBase += logged.Count;
        _appending++;
        try
        {
            return await AppendAndApplyAsync(logged, events.Length);
        }
        finally
        {
            _appending--;
        }
    }

    private async Task<ApplyResult> AppendAndApplyAsync(List<LoggedEvent> logged, int sent)
    {
        try
        {
            await log.AppendAsync(logged);
        }
        catch
        {
            // Some of them may have been stored anyway: only a rebuild knows what the log holds now.
            Break();
            throw;
        }

        try
        {
            probe.Reached(UnitApplyStep.Stored, _unit.Code);
            var changed = 0;
            foreach (var entry in logged)
            {
                bool change;
                try
                {
                    probe.Applying(entry.Event);
                    change = _ledger.Apply(entry.Event);
                }
#pragma warning disable CA1031 // The event is stored; it is set aside with its reason, and the next activation applies the rest.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    await QuarantineAsync(entry, ex);
                    Break();
                    return new ApplyResult(changed, sent - changed);
                }

                changed += change ? 1 : 0;
            }

            probe.Reached(UnitApplyStep.Applied, _unit.Code);
            if (changed > 0)
            {
                _sinceSnapshot += changed;
                metrics.EventsApplied.Add(changed);
            }

            probe.Reached(UnitApplyStep.Counted, _unit.Code);
            if (changed > 0)
            {
                await ChangedAsync();
            }

            probe.Reached(UnitApplyStep.Published, _unit.Code);
            WatchNextDue();
            probe.Reached(UnitApplyStep.Watched, _unit.Code);
            return new ApplyResult(changed, sent - changed);
        }
        catch
        {
            Break();
            throw;
        }
    }

    public async Task<ApplyResult> Reapply(ImmutableArray<UnitEvent> events)
    {
        ThrowIfBroken();
        var changed = events.Count(e => e.UnitCode == _unit.Code && !_quarantined.Contains(e.EventId) && _ledger.Apply(e));
        if (changed > 0)
        {
            await ChangedAsync();
            WatchNextDue();
        }

        return new ApplyResult(changed, events.Length - changed);
    }

    private async Task QuarantineAsync(LoggedEvent entry, Exception failure)
    {
        var reason = $"{failure.GetType().Name}: {failure.Message}";
        await quarantine.AddAsync(new QuarantinedEvent(_unit.Code, entry.Event.EventId, entry.Position, reason, entry.Event, storeTime.GetUtcNow()));
        _quarantined.Add(entry.Event.EventId);
        metrics.EventsQuarantined.Add(1);
        LogQuarantined(_unit.Code, LogText.Escape(entry.Event.EventId), entry.Position, LogText.Escape(reason));
    }

    /// <summary>This activation no longer matches the log: it stops working and deactivates; the next call rebuilds.</summary>
    private void Break()
    {
        if (_broken)
        {
            return;
        }

        _broken = true;
        _dueTimer?.Dispose();
        _dueTimer = null;
        _delayedPush?.Dispose();
        LogBroken(_unit.Code, _position);
        this.DeactivateOnIdle();
    }

    private void ThrowIfBroken()
    {
        if (_broken)
        {
            throw new InvalidOperationException($"Unit {_unit.Code} is rebuilding after a failure; send the request again.");
        }
    }

    public Task<Scorecard> GetScorecard(Period period) => Task.FromResult(ScorecardFor(period));

    public Task<UnitFigures> GetFigures(Period period) => Task.FromResult(FiguresFor(period));

    public Task<UnitFigures> GetFiguresAt(Period period, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(period);
        return Task.FromResult(UnitEvaluation.Figures(
            _ledger.Tally(period, period.EvaluationTime(at)),
            CatalogTally.For(catalog, _level, period, calendar)));
    }

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
        GrainFactory.GetGrain<ICityGrain>(units.PoolCodeOf(_unit))
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

    [LoggerMessage(Level = LogLevel.Debug, Message = "Unit {Unit} rebuilt from {Events} events ({Dossiers} dossiers) after the snapshot at position {Snapshot}, now at position {Position}, in {Milliseconds} ms")]
    private partial void LogRebuilt(string unit, int events, int dossiers, long? snapshot, long position, long milliseconds);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Unit {Unit} saved a snapshot of {Dossiers} dossiers ({Bytes} bytes) at position {Position}")]
    private partial void LogSnapshotSaved(string unit, int dossiers, long bytes, long position);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Unit {Unit} could not save its snapshot; it will try again")]
    private partial void LogSnapshotFailed(Exception exception, string unit);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Unit {Unit} ignored its snapshot at position {Position}, which cannot be read, and replayed every event")]
    private partial void LogSnapshotUnreadable(Exception exception, string unit, long position);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Unit {Unit} passed over its snapshot at position {Position}: it counted {Counted} events there, the log holds {Held} (another activation wrote); it replayed every event")]
    private partial void LogSnapshotStale(string unit, long position, long counted, long held);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Unit {Unit} is not its log's only writer: it holds up to position {Position} ({Events} events since its base), the log ends at {LogPosition} ({LogEvents}); it saves nothing and rebuilds")]
    private partial void LogNotTheWriter(string unit, long position, long events, long logPosition, long logEvents);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unit {Unit} quarantined event {EventId} at position {Position}: {Reason}")]
    private partial void LogQuarantined(string unit, string eventId, long position, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Unit {Unit} (at position {Position}) failed part way through a change and deactivates; its next call rebuilds from the log")]
    private partial void LogBroken(string unit, long position);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live push of unit {Unit} failed")]
    private partial void LogPushFailed(Exception exception, string unit);
}
