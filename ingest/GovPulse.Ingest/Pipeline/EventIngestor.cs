using System.Collections.Immutable;
using System.Runtime.InteropServices;
using GovPulse.Grains;
using GovPulse.Indicators.Events;
using GovPulse.Indicators.Units;
using GovPulse.Ingest.Wire;
using GovPulse.Storage.ClickHouse;
using GovPulse.Storage.Logging;
using Microsoft.Extensions.Logging;

namespace GovPulse.Ingest.Pipeline;

/// <summary>
/// The one path every event takes, from the HTTP API and from the simulator alike: check units,
/// drop repeats, and hand each unit's new events to its unit grain, the single writer of the unit's
/// log, which stores them (numbered by position) and then applies them. An event is acknowledged
/// only once it is stored, so a crash after the answer loses nothing.
/// </summary>
/// <remarks>
/// One event id, one event (api-v1 §1): an id already stored is a duplicate when the event is the
/// same (compared as read: <see cref="UnitEvent"/> is a record, and a time is its instant) and is
/// refused on its line when it is not; the stored event stands. <see cref="EventIdClaims"/> extends
/// this to batches running at the same time on this node: a batch holds its ids until its unit
/// grains have really stored them (or failed), even when its client has given up, so a retry with
/// the same id always meets the first event. <see cref="IngestGate"/> bounds what is in flight and
/// how long a batch may take.
/// </remarks>
public sealed partial class EventIngestor(
    IEventStore store,
    GrainsByKey<IUnitGrain> unitGrains,
    UnitDirectory units,
    IngestGate gate,
    EventIdClaims claims,
    GovPulseMetrics metrics,
    ILogger<EventIngestor> logger)
{
    /// <summary>How long a client waits before sending a batch again whose units could not store it.</summary>
    private static readonly TimeSpan NotStoredRetryAfter = TimeSpan.FromSeconds(2);

    /// <exception cref="IngestOverloadedException">The node is overloaded (too many events in flight, or the batch took too long); send the batch again later.</exception>
    public Task<IngestResult> IngestAsync(ParsedBatch batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return gate.RunAsync(batch.Lines.Count, token => IngestAdmittedAsync(batch, token), cancellationToken);
    }

    private async Task<IngestResult> IngestAdmittedAsync(ParsedBatch batch, CancellationToken cancellationToken)
    {
        var rejected = batch.Rejected.ToList();
        var firsts = new List<ParsedLine>(batch.Lines.Count);
        // The later lines of each event id (null while there are none): exact repeats, since the
        // reader refuses an id reused inside the batch for another event.
        var repeats = new Dictionary<string, List<int>?>(batch.Lines.Count, StringComparer.Ordinal);
        var repeated = 0;
        foreach (var line in batch.Lines)
        {
            if (!units.Contains(line.Event.UnitCode))
            {
                rejected.Add(new Rejection(line.Line, line.Event.EventId, $"line {line.Line}: unitCode {ShownValue.Quoted(line.Event.UnitCode)} is not a known unit"));
                continue;
            }

            ref var later = ref CollectionsMarshal.GetValueRefOrAddDefault(repeats, line.Event.EventId, out var seen);
            if (seen)
            {
                (later ??= []).Add(line.Line);
                repeated++;
            }
            else
            {
                firsts.Add(line);
            }
        }

        var outcome = await StoreAsync(firsts, cancellationToken);
        var duplicates = outcome.Known.Count + repeated;
        foreach (var (line, stored) in outcome.Conflicts)
        {
            var reused = repeats[line.Event.EventId] ?? [];
            duplicates -= reused.Count;
            var differs = string.Join(", ", EventDifference.Between(stored, line.Event));
            foreach (var number in reused.Prepend(line.Line))
            {
                rejected.Add(new Rejection(number, line.Event.EventId,
                    $"line {number}: eventId {ShownValue.Quoted(line.Event.EventId)} was already stored with different content ({differs}); send a new eventId for a new event"));
            }

            LogReusedId(LogText.Escape(line.Event.EventId), LogText.Escape(line.Event.UnitCode), differs);
        }

        metrics.EventsIngested.Add(outcome.Accepted.Count);
        metrics.EventsDuplicate.Add(duplicates);
        metrics.EventsRejected.Add(rejected.Count);
        return new IngestResult(outcome.Accepted.Count, duplicates, rejected.OrderBy(r => r.Line).ToList());
    }

    /// <summary>
    /// Stores the events whose ids are not stored yet, one query and one call per unit grain per round.
    /// The ids a concurrent batch on this node holds wait for it to let go and go in the next round,
    /// where they meet its events in ClickHouse; a batch lets go of its own ids before it waits, so two
    /// batches never wait for each other.
    /// </summary>
    private async Task<StoreOutcome> StoreAsync(List<ParsedLine> lines, CancellationToken cancellationToken)
    {
        var outcome = new StoreOutcome();
        var todo = lines;
        while (todo.Count > 0)
        {
            Task heldElsewhere;
            using (var claim = claims.TryClaim(todo.Select(l => l.Event.EventId), out heldElsewhere))
            {
                if (claim.Ids.Count > 0)
                {
                    var stored = await store.FindStoredAsync(claim.Ids, cancellationToken);
                    var fresh = new List<UnitEvent>();
                    var woken = new HashSet<string>(StringComparer.Ordinal);
                    foreach (var line in todo.Where(l => claim.Ids.Contains(l.Event.EventId)))
                    {
                        if (!stored.TryGetValue(line.Event.EventId, out var before))
                        {
                            fresh.Add(line.Event);
                        }
                        else if (before == line.Event)
                        {
                            outcome.Known.Add(before);
                            woken.Add(before.UnitCode);
                        }
                        else
                        {
                            outcome.Conflicts.Add((line, before));
                        }
                    }

                    // Not cancellable: the ids stay claimed until the grains have stored them or failed.
                    await AppendAsync(fresh, woken);
                    outcome.Accepted.AddRange(fresh);
                }

                todo = todo.Where(l => claim.Waiting.Contains(l.Event.EventId)).ToList();
            }

            if (todo.Count > 0)
            {
                await heldElsewhere.WaitAsync(cancellationToken);
            }
        }

        return outcome;
    }

    /// <summary>
    /// Hands each unit its new events. A unit whose events of this batch were all stored before is
    /// called with none: it wakes, and if an earlier attempt failed part way, rebuilds from its log.
    /// </summary>
    private async Task AppendAsync(List<UnitEvent> fresh, HashSet<string> woken)
    {
        var byUnit = fresh.GroupBy(e => e.UnitCode, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToImmutableArray(), StringComparer.Ordinal);
        foreach (var unit in woken)
        {
            byUnit.TryAdd(unit, []);
        }

        var calls = byUnit.Select(u => unitGrains[u.Key].Apply(u.Value)).ToList();
        try
        {
            await Task.WhenAll(calls);
        }
        catch (Exception ex) when (ex is not IngestOverloadedException)
        {
            LogNotStored(ex, calls.Count(c => c.IsFaulted), calls.Count);
            throw new IngestOverloadedException(IngestRefusal.NotStored(NotStoredRetryAfter));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Failed} of {Units} units could not store or apply their events of a batch; it is answered 503")]
    private partial void LogNotStored(Exception exception, int failed, int units);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused event {EventId} for unit {UnitCode}: its id was already stored with different content ({Fields})")]
    private partial void LogReusedId(string eventId, string unitCode, string fields);

    private sealed class StoreOutcome
    {
        /// <summary>New events, stored by this batch.</summary>
        public List<UnitEvent> Accepted { get; } = [];

        /// <summary>Events already stored with the same content (duplicates), as stored.</summary>
        public List<UnitEvent> Known { get; } = [];

        /// <summary>Lines whose id is stored with different content, and the stored event.</summary>
        public List<(ParsedLine Line, UnitEvent Stored)> Conflicts { get; } = [];
    }
}
