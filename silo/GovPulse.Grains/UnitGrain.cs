using System.Collections.Immutable;
using System.Runtime.ExceptionServices;
using GovPulse.Grains.Ledger;
using GovPulse.Indicators.Calendar;
using GovPulse.Indicators.Catalog;
using GovPulse.Indicators.Dossiers;
using GovPulse.Indicators.Evaluation;
using GovPulse.Indicators.Events;
using GovPulse.Indicators.Periods;
using GovPulse.Indicators.Scoring;
using GovPulse.Indicators.Units;
using GovPulse.Storage.ClickHouse;
using GovPulse.Storage.Logging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GovPulse.Grains;

/// <summary>
/// A unit's live Decision 766 figures, and the single writer of the unit's event log. Apply numbers
/// the unit's new events (positions 1, 2, 3…), stores them through the node's group commit, and
/// only then applies them; state is rebuilt on activation from the unit's latest segments (the live
/// segment at a log position, checked against the log, and the sealed months it names) plus the
/// events after that position, so no clock decides what a rebuild reads and a node can die at any
/// time without losing anything that was acknowledged.
/// </summary>
/// <remarks>
/// A step of Apply that fails after the events are stored breaks the activation: it deactivates and
/// the next call rebuilds from the log, which holds the events, so nothing is left half done. A stored
/// event the ledger cannot apply is quarantined (kept in the log, listed for admins, skipped by every
/// rebuild) instead of stopping the unit. The unit also watches the clock: when an open dossier
/// reaches its due time the figures change with no event, and the grain re-scores and pushes then.
/// Ended months whose dossiers are closed are sealed (hourly, after activation, before a save): their
/// dossiers leave memory for an immutable tally. A late event for a sealed month, or a question its
/// tally cannot answer, reopens it from the log first. A unit no one asks for a while deactivates.
/// </remarks>
public sealed partial class UnitGrain(
    IEventStore store,
    IEventLogWriter log,
    IUnitSnapshotStore snapshots,
    ISealedMonthStore sealedMonths,
    IQuarantineStore quarantine,
    IOptions<SnapshotOptions> snapshotOptions,
    IOptions<LedgerOptions> ledgerOptions,
    TimeProvider storeTime,
    UnitDirectory units,
    CatalogTallies catalogTallies,
    WorkingDayCalendar calendar,
    BandThresholds bands,
    IScorecardPublisher publisher,
    ScoringClock clock,
    GovPulseMetrics metrics,
    UnitApplyProbe probe,
    UnitStartPreload preload,
    ILogger<UnitGrain> logger) : Grain, IUnitGrain
{
    /// <summary>The longest the scoring clock waits before the grain looks again at its next due time.</summary>
    private static readonly TimeSpan MaxClockWait = TimeSpan.FromDays(1);

    /// <summary>How often a unit looks for months to seal (also right after activation, and before each save).</summary>
    private static readonly TimeSpan SealEvery = TimeSpan.FromHours(1);

    /// <summary>Poison events one rebuild quarantines at most before it gives up (a log that bad needs a person).</summary>
    private const int MaxQuarantinedPerRebuild = 100;

    /// <summary>Reopens one change or question may need before it gives up: more means seal passes and questions keep crossing.</summary>
    private const int MaxReopens = 4;

    /// <summary>Events applied between seal passes of a busy unit (a backfill applies months of history in minutes).</summary>
    private const int SealEveryEvents = 5_000;

    /// <summary>
    /// How far the traffic's frontier moves between seal passes of a unit with fewer events: a running month
    /// folds what has closed as its traffic goes by (a national month gives a commune about 5,000 events).
    /// </summary>
    private static readonly TimeSpan SealEveryTrafficDay = TimeSpan.FromDays(1);

    private readonly SnapshotOptions _snapshots = snapshotOptions.Value;
    private readonly SealPolicy _sealPolicy = ledgerOptions.Value.Policy;
    private UnitLedger _ledger = new(calendar);
    private LedgerSegments _segments = null!;
    private SealedMonthReopening _reopening = null!;

    /// <summary>
    /// The reopen under way, if any: one at a time, since a reopen reads the log and meanwhile another
    /// turn may need the same months. Neither a seal pass nor a save runs while one is under way.
    /// </summary>
    private Task? _reopenUnderWay;

    /// <summary>
    /// The latest instant any event applied by this activation told of: where the unit's traffic stands.
    /// A backfill sends history in time order; sealing by it rather than by the clock leaves the month
    /// being sent (and the ones still finishing) live, instead of sealing them only to reopen them at
    /// the next event.
    /// </summary>
    private DateTimeOffset? _frontier;

    private int _appliedSinceSeal;

    /// <summary>The frontier the last seal pass judged at (by the frontier or the clock).</summary>
    private DateTimeOffset? _frontierAtSeal;

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
    private ICityGrain _pool = null!;
    private ProcedureLevel _level;
    private IGrainTimer? _delayedPush;
    private ITimer? _dueTimer;
    private DateTimeOffset? _nextDue;

    /// <summary>
    /// The current month's figures this activation last reported (and pushed, or has a push scheduled
    /// for); null until it has told anyone its figures (see <see cref="CheckClock"/>).
    /// </summary>
    private UnitFiguresReport? _lastReported;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var code = this.GetPrimaryKeyString();
        _unit = units.Find(code) ?? throw new InvalidOperationException($"Unit '{code}' is not a known unit.");
        _level = UnitEvaluation.LevelOf(_unit.Kind);
        _pool = GrainFactory.GetGrain<ICityGrain>(units.PoolCodeOf(_unit)); // once: GetGrain reflects on every call
        _segments = new LedgerSegments(code, snapshots, sealedMonths, calendar);
        _reopening = new SealedMonthReopening(code, store, metrics, logger);
        await RebuildAsync(fromSnapshot: _snapshots.Enabled, cancellationToken);
        Seal();
        WatchNextDue();
        // Neither timer keeps the unit active (KeepAlive is off): an idle unit deactivates all the same.
        this.RegisterGrainTimer(_ => SealOnTimer(), new GrainTimerCreationOptions(Spread(SealEvery), SealEvery));
        if (_snapshots.Enabled)
        {
            // Spread the units' checks over the interval, so they do not all save at once after a restart.
            this.RegisterGrainTimer(
                ct => SaveSnapshotIfChangedAsync(_snapshots.MinEvents, ct, sealAtFrontier: true), new GrainTimerCreationOptions(Spread(_snapshots.Interval), _snapshots.Interval));
        }

        metrics.ActiveUnits.Add(1);
        if (_replayed > 0)
        {
            // The log held events beyond the snapshot: the city and viewers may not have seen them
            // (a previous activation may have broken before telling them). Not waited for: the city may
            // be asking this unit for its report right now, which it cannot answer until it is active.
            await ChangedAsync(waitForCity: false);
        }
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _dueTimer?.Dispose();
        _dueTimer = null;
        metrics.ActiveUnits.Add(-1);
        if (!_snapshots.Enabled)
        {
            return;
        }

        if (reason.ReasonCode == DeactivationReasonCode.ShuttingDown)
        {
            // A planned stop: save what changed so the next start replays little.
            await SaveSnapshotIfChangedAsync(_snapshots.MinEvents, cancellationToken);
        }
        else if (reason.ReasonCode == DeactivationReasonCode.ActivationIdle)
        {
            // Idle: save any change at all, so the next activation reads its segments and almost no tail.
            await SaveSnapshotIfChangedAsync(1, cancellationToken);
        }
    }

    /// <summary>A first wait between a tenth of the period and the period, so units started together do not all act at once.</summary>
    private static TimeSpan Spread(TimeSpan period) => TimeSpan.FromTicks(Random.Shared.NextInt64(period.Ticks / 10, period.Ticks + 1));

    private Task SealOnTimer()
    {
        Seal();
        return Task.CompletedTask;
    }

    /// <summary>
    /// Seals the months the policy allows (their dossiers leave memory; the figures do not change); they
    /// are saved with the next snapshot. Not while a reopen is under way. <paramref name="atFrontier"/>:
    /// judged at the traffic's <see cref="_frontier"/> when it is behind the clock (while events flow).
    /// </summary>
    private void Seal(bool atFrontier = false)
    {
        if (_broken || _reopenUnderWay is not null)
        {
            return;
        }

        _appliedSinceSeal = 0;
        _frontierAtSeal = _frontier;
        var now = clock.Now;
        if (atFrontier && _frontier is { } frontier && frontier < now)
        {
            now = frontier;
        }

        var sealedNow = _ledger.Seal(now, _sealPolicy);
        if (sealedNow.Count > 0)
        {
            metrics.SealedMonths.Add(sealedNow.Count);
            LogSealed(_unit.Code, string.Join(", ", sealedNow), _ledger.LiveDossierCount);
        }
    }

    /// <summary>
    /// Reopens the sealed months a change or a question needs (<paramref name="months"/>, as the ledger
    /// named them), with every event stored up to <paramref name="upToPosition"/>.
    /// </summary>
    private async Task ReopenAsync(UnitLedger ledger, IReadOnlyList<ReceiptMonth> months, long upToPosition, string reason)
    {
        // Turns of one activation never run at once, so nothing comes between this check and the claim below.
        while (_reopenUnderWay is { } underWay)
        {
            await Task.WhenAny(underWay); // its failure is its own caller's
        }

        var reopen = _reopening.ReopenAsync(ledger, months, upToPosition, _quarantined, reason, CancellationToken.None);
        _reopenUnderWay = reopen;
        try
        {
            await reopen;
        }
        finally
        {
            _reopenUnderWay = null;
        }
    }

    /// <summary>
    /// Applies one stored event, first reopening the sealed months it touches. The ledger's own failure
    /// (a poison event) is returned, not thrown; a failure to read the log is thrown.
    /// </summary>
    private async Task<(bool Changed, Exception? Poison)> ApplyStoredAsync(UnitLedger ledger, UnitEvent e, long upToPosition)
    {
        for (var round = 1; ; round++)
        {
            IReadOnlyList<ReceiptMonth> touched;
            try
            {
                probe.Applying(e);
                touched = ledger.SealedMonthsTouchedBy(e);
                if (touched.Count == 0)
                {
                    var changed = ledger.Apply(e);
                    _frontier = _frontier is { } frontier && frontier >= e.OccurredAt ? frontier : e.OccurredAt;
                    return (changed, null);
                }
            }
#pragma warning disable CA1031 // Whatever the ledger throws, the event is set aside with its reason and the unit goes on.
            catch (Exception ex) when (ex is not SealedMonthException)
#pragma warning restore CA1031
            {
                return (false, ex);
            }

            if (round > MaxReopens)
            {
                throw new InvalidOperationException(
                    $"Unit {_unit.Code} could not keep months {string.Join(", ", touched)} open long enough to apply event {e.EventId}.");
            }

            await ReopenAsync(ledger, touched, upToPosition, "a late event");
        }
    }

    /// <summary>The ledger's tally, reopening first the sealed months that cannot answer it.</summary>
    private async Task<DossierTally> TallyAsync(Period period, DateTimeOffset evaluatedAt)
    {
        for (var round = 1; ; round++)
        {
            var needed = _ledger.SealedMonthsNeededFor(period, evaluatedAt);
            if (needed.Count == 0 || round > MaxReopens)
            {
                return _ledger.Tally(period, evaluatedAt); // throws SealedMonthException if still needed
            }

            await ReopenAsync(_ledger, needed, _position, "a question their tally does not answer");
        }
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
                // The event is stored: a reopen reads it with the rest of its month, which is harmless.
                var (change, poison) = await ApplyStoredAsync(_ledger, entry.Event, _position);
                if (poison is not null)
                {
                    // Set aside with its reason; the next activation applies the rest.
                    await QuarantineAsync(entry, poison);
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
                _appliedSinceSeal += changed;
                if (_appliedSinceSeal >= SealEveryEvents
                    || (_frontier - (_frontierAtSeal ?? DateTimeOffset.MinValue) >= SealEveryTrafficDay && _sealPolicy.RunningFoldAt is not null))
                {
                    Seal(atFrontier: true);
                }
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
        var changed = 0;
        foreach (var e in events.Where(e => e.UnitCode == _unit.Code && !_quarantined.Contains(e.EventId)))
        {
            var (change, failure) = await ApplyStoredAsync(_ledger, e, _position);
            if (failure is not null)
            {
                ExceptionDispatchInfo.Throw(failure);
            }

            changed += change ? 1 : 0;
        }

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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Unit {Unit} could not report to the city; its reconciliation will ask again")]
    private partial void LogReportFailed(Exception exception, string unit);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Unit {Unit} rebuilt from {Events} events ({Dossiers} dossiers) after the snapshot at position {Snapshot}, now at position {Position}, in {Milliseconds} ms")]
    private partial void LogRebuilt(string unit, int events, int dossiers, long? snapshot, long position, long milliseconds);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Unit {Unit} saved its segments ({Dossiers} dossiers, {SealedMonths} sealed months, {NewMonths} of them new; {Bytes} bytes written) at position {Position}")]
    private partial void LogSnapshotSaved(string unit, int dossiers, int sealedMonths, int newMonths, long bytes, long position);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Unit {Unit} sealed months {Months}; {LiveDossiers} dossiers stay in memory")]
    private partial void LogSealed(string unit, string months, int liveDossiers);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Unit {Unit} could not reopen a sealed month of its segments at position {Position}; it replayed every event")]
    private partial void LogReopenFailed(Exception exception, string unit, long position);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Unit {Unit} could not save its snapshot; it will try again")]
    private partial void LogSnapshotFailed(Exception exception, string unit);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Unit {Unit} ignored its segments at position {Position}, which cannot be read (or a sealed month they name is missing), and replayed every event")]
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
