using System.Collections.Concurrent;
using System.Collections.Immutable;
using GovPulse.Grains;
using GovPulse.Indicators.Events;

namespace GovPulse.Ingest.Pipeline;

/// <summary>
/// Hands each unit grain its events from this node one call at a time: the events concurrent
/// batches bring for a unit while its call runs wait and go together in its next call. A national
/// batch of 5,000 events spreads over 3,321 units (one or two events a unit), so a call per unit per
/// batch made the grain calls themselves — messaging, the apply round, the report to the province —
/// most of the work; under load, calls now grow with the load instead of multiplying with it. Nothing
/// waits on a clock: a unit with no call running is called at once.
/// </summary>
/// <remarks>
/// A call that fails fails every batch whose events were in it; each answers 503 and is sent again,
/// and repeats are harmless. Holds a lane for every unit it was asked for: the directory's units.
/// </remarks>
public sealed class UnitApplyLanes
{
    private readonly Func<string, ImmutableArray<UnitEvent>, Task> _apply;
    private readonly ConcurrentDictionary<string, Lane> _lanes = new(StringComparer.Ordinal);

    /// <param name="apply">Hands a unit its events and completes when it has stored and applied them.</param>
    public UnitApplyLanes(Func<string, ImmutableArray<UnitEvent>, Task> apply)
    {
        ArgumentNullException.ThrowIfNull(apply);
        _apply = apply;
    }

    /// <summary>Lanes to the unit grains.</summary>
    public static UnitApplyLanes To(GrainsByKey<IUnitGrain> unitGrains)
    {
        ArgumentNullException.ThrowIfNull(unitGrains);
        return new UnitApplyLanes((unit, events) => unitGrains[unit].Apply(events));
    }

    /// <summary>
    /// Completes when the unit has stored and applied <paramref name="events"/> (with whatever else
    /// joined their call). No events wakes the unit, so it can rebuild after a failed attempt.
    /// </summary>
    public Task ApplyAsync(string unitCode, ImmutableArray<UnitEvent> events)
    {
        ArgumentNullException.ThrowIfNull(unitCode);
        return _lanes.GetOrAdd(unitCode, static (code, apply) => new Lane(code, apply), _apply).Enqueue(events);
    }

    private sealed class Lane(string unitCode, Func<string, ImmutableArray<UnitEvent>, Task> apply)
    {
        private readonly Lock _gate = new();
        private ImmutableArray<UnitEvent>.Builder? _waiting;
        private TaskCompletionSource? _waitingDone;
        private bool _calling;

        public Task Enqueue(ImmutableArray<UnitEvent> events)
        {
            Task done;
            lock (_gate)
            {
                (_waiting ??= ImmutableArray.CreateBuilder<UnitEvent>()).AddRange(events);
                _waitingDone ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                done = _waitingDone.Task;
                if (_calling)
                {
                    return done;
                }

                _calling = true;
            }

            _ = CallWhileWaitingAsync();
            return done;
        }

        private async Task CallWhileWaitingAsync()
        {
            while (true)
            {
                ImmutableArray<UnitEvent> events;
                TaskCompletionSource done;
                lock (_gate)
                {
                    if (_waitingDone is null)
                    {
                        _calling = false;
                        return;
                    }

                    events = _waiting!.DrainToImmutable();
                    done = _waitingDone;
                    _waiting = null;
                    _waitingDone = null;
                }

                try
                {
                    await apply(unitCode, events);
                    done.TrySetResult();
                }
#pragma warning disable CA1031 // Every batch in the call gets the failure; the lane goes on with the next call.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    done.TrySetException(ex);
                }
            }
        }
    }
}
