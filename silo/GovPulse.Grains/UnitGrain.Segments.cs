using System.Runtime.ExceptionServices;
using GovPulse.Grains.Ledger;
using GovPulse.Indicators.Dossiers;
using GovPulse.Indicators.Snapshots;
using GovPulse.Storage.ClickHouse;

namespace GovPulse.Grains;

/// <summary>A unit's segments: saving the ledger (sealed months once, then the live segment) and rebuilding it from them and the log after their position.</summary>
public sealed partial class UnitGrain
{
    public async Task<long> SaveSnapshot()
    {
        Seal();
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
            Seal();
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

        await ChangedAsync(pushEvenIfSame: true); // rare, so the figures are pushed whether or not they moved
        WatchNextDue();
        return await GetStatus();
    }

    public Task<UnitStatus> GetStatus() => Task.FromResult(new UnitStatus(
        _unit.Code, _ledger.DossierCount, _ledger.PetitionCount, _rebuiltFrom, _replayed, _rebuildMilliseconds, _lastSnapshot, _sinceSnapshot,
        _position, _quarantined.Count, GrainContext.Address.SiloAddress?.ToString(), _ledger.LiveDossierCount, _ledger.SealedMonths.Count));

    /// <summary>
    /// Rebuilds the ledger from the log: the latest usable segments (or nothing) plus every event after
    /// their position, in position order, skipping quarantined events. An event the ledger cannot apply
    /// is quarantined and the rebuild starts again without it, so the ledger never holds half an event.
    /// </summary>
    private async Task RebuildAsync(bool fromSnapshot, CancellationToken cancellationToken)
    {
        var code = _unit.Code;
        var started = storeTime.GetTimestamp();
        // Read ahead while the node started (first activation after a start only); else asked here.
        var start = fromSnapshot ? await preload.TakeAsync(code, cancellationToken) : null;
        _quarantined = new HashSet<string>(start?.Quarantined ?? await quarantine.ReadIdsAsync(code, cancellationToken), StringComparer.Ordinal);
        for (var attempt = 0; ; attempt++, start = null)
        {
            var (ledger, basePosition, baseEvents) = fromSnapshot ? await LoadSegmentsAsync(code, start, cancellationToken) : (new UnitLedger(calendar), -1, 0);
            if (basePosition < 0)
            {
                _segments.Forget(); // the next save writes every sealed month again, whatever the store holds
            }

            var position = Math.Max(basePosition, 0);
            var read = 0;
            LoggedEvent? poison = null;
            Exception? failure = null;
            var reopenFailed = false;
            var tail = start is { Tail: { } readAhead } && start.TailAfter == basePosition ? readAhead.ToAsyncEnumerable() : store.ReadUnitTailAsync(code, basePosition, cancellationToken);
            await foreach (var logged in tail)
            {
                read++;
                position = Math.Max(position, logged.Position);
                if (_quarantined.Contains(logged.Event.EventId))
                {
                    continue;
                }

                Exception? cannotApply;
                try
                {
                    (_, cannotApply) = await ApplyStoredAsync(ledger, logged.Event, logged.Position);
                }
#pragma warning disable CA1031 // Whatever stops the reopen, the whole log can still rebuild the ledger.
                catch (Exception ex) when (basePosition >= 0 && !cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
                {
                    LogReopenFailed(ex, code, basePosition);
                    reopenFailed = true;
                    break;
                }

                if (cannotApply is not null)
                {
                    if (attempt >= MaxQuarantinedPerRebuild)
                    {
                        ExceptionDispatchInfo.Throw(cannotApply);
                    }

                    poison = logged;
                    failure = cannotApply;
                    break;
                }
            }

            if (reopenFailed)
            {
                fromSnapshot = false;
                continue;
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
    /// The ledger from the unit's latest segments (read ahead in <paramref name="start"/>, else asked for),
    /// their position and the events the log held up to it; an empty ledger at -1 without usable ones.
    /// Segments are used only while the log still holds exactly the events they counted at or below
    /// their position: a duplicate activation's events there would be missing from them, so they are
    /// passed over and the whole log is read. So are segments one of which is missing or cannot be read.
    /// </summary>
    private async Task<(UnitLedger Ledger, long Position, long Events)> LoadSegmentsAsync(string code, UnitStart? start, CancellationToken cancellationToken)
    {
        if ((start is null ? await _segments.FindLatestAsync(cancellationToken) : start.Latest) is not { } snapshot)
        {
            return (new UnitLedger(calendar), -1, 0);
        }

        // Read ahead, the rows were counted already: only a difference needs the ids counted (once).
        long? counted = null;
        var holds = start is null
            ? await store.HoldsExactlyAsync(code, snapshot.Position, snapshot.Events, cancellationToken)
            : start.LatestHolds || (counted = await store.CountEventsUpToAsync(code, snapshot.Position, cancellationToken)) == snapshot.Events;
        if (!holds)
        {
            LogSnapshotStale(code, snapshot.Position, snapshot.Events, counted ?? await store.CountEventsUpToAsync(code, snapshot.Position, cancellationToken));
            return (new UnitLedger(calendar), -1, 0);
        }

        try
        {
            var ledger = start is null ? await _segments.ReadAsync(snapshot, cancellationToken) : _segments.Read(snapshot, start.SealedMonths);
            return (ledger, snapshot.Position, snapshot.Events);
        }
        catch (SnapshotFormatException ex)
        {
            LogSnapshotUnreadable(ex, code, snapshot.Position);
            return (new UnitLedger(calendar), -1, 0);
        }
    }

    /// <summary>Seals, then saves when at least <paramref name="minEvents"/> changed since the last save, or a month was sealed since.</summary>
    private async Task SaveSnapshotIfChangedAsync(int minEvents, CancellationToken cancellationToken, bool sealAtFrontier = false)
    {
        Seal(sealAtFrontier);
        if (_sinceSnapshot < minEvents && !_segments.HasUnsaved(_ledger))
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
        if (_broken || _appending > 0 || _reopenUnderWay is not null)
        {
            return null; // an append or a reopen started meanwhile: the ledger may not hold every position up to its own yet
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
        var segments = _segments.Take(_ledger);
        await _segments.SaveAsync(segments, position, events, storeTime.GetUtcNow(), cancellationToken);
        _basePosition = position;
        _baseEvents = events;
        _eventsAfterBase -= eventsAfter;
        _lastSnapshot = position;
        _sinceSnapshot -= changes;
        LogSnapshotSaved(_unit.Code, segments.Dossiers, segments.Months.Count, segments.Fresh.Count, segments.Bytes, position);
        return position;
    }
}
