using GovPulse.Indicators.Events;

namespace GovPulse.Storage.ClickHouse;

/// <summary>The event log (ClickHouse <c>events</c>).</summary>
public interface IEventStore
{
    /// <summary>
    /// The stored event of each of these ids that is already stored, by id, as
    /// <see cref="StoredEventJson"/> reads it back: the ingest pipeline compares it with a re-sent
    /// event to tell a repeat from a reused id. One query, however many ids.
    /// </summary>
    Task<IReadOnlyDictionary<string, UnitEvent>> FindStoredAsync(IReadOnlyCollection<string> eventIds, CancellationToken cancellationToken = default);

    /// <summary>Stores the events durably; returns once ClickHouse has them.</summary>
    Task AppendAsync(IReadOnlyList<UnitEvent> events, CancellationToken cancellationToken = default);

    /// <summary>A unit's events in time order, each once.</summary>
    IAsyncEnumerable<UnitEvent> ReadUnitAsync(string unitCode, CancellationToken cancellationToken = default);

    /// <summary>A unit's events that occurred in [<paramref name="occurredFrom"/>, <paramref name="occurredUntil"/>), in time order, each once: for replaying part of history.</summary>
    IAsyncEnumerable<UnitEvent> ReadUnitRangeAsync(string unitCode, DateTimeOffset occurredFrom, DateTimeOffset occurredUntil, CancellationToken cancellationToken = default);

    /// <summary>A unit's events ingested at or after <paramref name="ingestedAfter"/> (the boundary is read again: re-applying is harmless), in time order, each once: the tail a snapshot does not cover.</summary>
    IAsyncEnumerable<UnitEvent> ReadUnitTailAsync(string unitCode, DateTimeOffset ingestedAfter, CancellationToken cancellationToken = default);
}
