using GovPulse.Indicators.Events;

namespace GovPulse.Storage.ClickHouse;

/// <summary>The event log (ClickHouse <c>events</c>).</summary>
public interface IEventStore
{
    /// <summary>Which of these event ids are already stored.</summary>
    Task<IReadOnlySet<string>> FindStoredAsync(IReadOnlyCollection<string> eventIds, CancellationToken cancellationToken = default);

    /// <summary>Stores the events durably; returns once ClickHouse has them.</summary>
    Task AppendAsync(IReadOnlyList<UnitEvent> events, CancellationToken cancellationToken = default);

    /// <summary>A unit's events in time order, each once.</summary>
    IAsyncEnumerable<UnitEvent> ReadUnitAsync(string unitCode, CancellationToken cancellationToken = default);

    /// <summary>A unit's events that occurred in [<paramref name="occurredFrom"/>, <paramref name="occurredUntil"/>), in time order, each once: for replaying part of history.</summary>
    IAsyncEnumerable<UnitEvent> ReadUnitRangeAsync(string unitCode, DateTimeOffset occurredFrom, DateTimeOffset occurredUntil, CancellationToken cancellationToken = default);

    /// <summary>A unit's events ingested at or after <paramref name="ingestedAfter"/> (the boundary is read again: re-applying is harmless), in time order, each once: the tail a snapshot does not cover.</summary>
    IAsyncEnumerable<UnitEvent> ReadUnitTailAsync(string unitCode, DateTimeOffset ingestedAfter, CancellationToken cancellationToken = default);
}
