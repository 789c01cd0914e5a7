using System.Collections.Immutable;
using GovPulse.Grains;
using GovPulse.Indicators.Units;
using GovPulse.Ingest.Wire;
using GovPulse.Storage.ClickHouse;

namespace GovPulse.Ingest.Pipeline;

/// <summary>
/// The one path every event takes, from the HTTP API and from the simulator alike: check units,
/// drop repeats, store in ClickHouse, and only then hand the events to their unit grains.
/// An event is acknowledged only once it is stored, so a crash after the answer loses nothing.
/// </summary>
public sealed class EventIngestor(IEventStore store, IGrainFactory grains, UnitDirectory units, GovPulseMetrics metrics)
{
    public async Task<IngestResult> IngestAsync(ParsedBatch batch, CancellationToken cancellationToken = default)
    {
        var rejected = batch.Rejected.ToList();
        var valid = new List<ParsedLine>(batch.Lines.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var duplicates = 0;
        foreach (var line in batch.Lines)
        {
            if (!units.Contains(line.Event.UnitCode))
            {
                rejected.Add(new Rejection(line.Line, line.Event.EventId, $"line {line.Line}: unitCode '{line.Event.UnitCode}' is not a known unit"));
            }
            else if (!seen.Add(line.Event.EventId))
            {
                duplicates++; // the same event twice in one batch
            }
            else
            {
                valid.Add(line);
            }
        }

        var events = valid.Select(l => l.Event).ToList();
        var stored = await store.FindStoredAsync(seen, cancellationToken);
        var fresh = events.Where(e => !stored.Contains(e.EventId)).ToList();
        await store.AppendAsync(fresh, cancellationToken);
        duplicates += events.Count - fresh.Count;

        // Already-stored events are applied again too: grains ignore what they have, and a client
        // retrying after a failure between store and apply still gets its events into the figures.
        await Task.WhenAll(events
            .GroupBy(e => e.UnitCode, StringComparer.Ordinal)
            .Select(g => grains.GetGrain<IUnitGrain>(g.Key).Apply(g.ToImmutableArray())));

        metrics.EventsIngested.Add(fresh.Count);
        metrics.EventsDuplicate.Add(duplicates);
        metrics.EventsRejected.Add(rejected.Count);
        return new IngestResult(fresh.Count, duplicates, rejected.OrderBy(r => r.Line).ToList());
    }
}
