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
/// drop repeats, store in ClickHouse, and only then hand the events to their unit grains.
/// An event is acknowledged only once it is stored, so a crash after the answer loses nothing.
/// </summary>
/// <remarks>
/// One event id, one event (api-v1 §1): an id already stored is a duplicate when the event is the
/// same (compared as read: <see cref="UnitEvent"/> is a record, and a time is its instant) and is
/// refused on its line when it is not; the stored event stands. <see cref="EventIdClaims"/> extends
/// this to batches running at the same time on this node. <see cref="IngestGate"/> bounds what is in
/// flight and how long a batch may take.
/// </remarks>
public sealed partial class EventIngestor(
    IEventStore store,
    IGrainFactory grains,
    UnitDirectory units,
    IngestGate gate,
    EventIdClaims claims,
    GovPulseMetrics metrics,
    ILogger<EventIngestor> logger)
{
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

        // Already-stored events are applied again too: grains ignore what they have, and a client
        // retrying after a failure between store and apply still gets its events into the figures.
        await Task.WhenAll(outcome.Accepted.Concat(outcome.Known)
            .GroupBy(e => e.UnitCode, StringComparer.Ordinal)
            .Select(g => grains.GetGrain<IUnitGrain>(g.Key).Apply(g.ToImmutableArray())));

        metrics.EventsIngested.Add(outcome.Accepted.Count);
        metrics.EventsDuplicate.Add(duplicates);
        metrics.EventsRejected.Add(rejected.Count);
        return new IngestResult(outcome.Accepted.Count, duplicates, rejected.OrderBy(r => r.Line).ToList());
    }

    /// <summary>
    /// Stores the events whose ids are not stored yet, one query and one insert per round. The ids
    /// a concurrent batch on this node holds wait for it to let go and go in the next round, where
    /// they meet its events in ClickHouse; a batch lets go of its own ids before it waits, so two
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
                    foreach (var line in todo.Where(l => claim.Ids.Contains(l.Event.EventId)))
                    {
                        if (!stored.TryGetValue(line.Event.EventId, out var before))
                        {
                            fresh.Add(line.Event);
                        }
                        else if (before == line.Event)
                        {
                            outcome.Known.Add(before);
                        }
                        else
                        {
                            outcome.Conflicts.Add((line, before));
                        }
                    }

                    await store.AppendAsync(fresh, cancellationToken);
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
