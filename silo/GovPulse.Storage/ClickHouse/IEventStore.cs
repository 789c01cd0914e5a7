using GovPulse.Indicators.Events;

namespace GovPulse.Storage.ClickHouse;

/// <summary>The event log (ClickHouse <c>events</c>): each unit's events, numbered by position.</summary>
public interface IEventStore
{
    /// <summary>
    /// The stored event of each of these ids that is already stored, by id, as
    /// <see cref="StoredEventJson"/> reads it back: the ingest pipeline compares it with a re-sent
    /// event to tell a repeat from a reused id. One query, however many ids.
    /// </summary>
    Task<IReadOnlyDictionary<string, UnitEvent>> FindStoredAsync(IReadOnlyCollection<string> eventIds, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores the events durably at their positions; returns once ClickHouse has them. Only a unit's
    /// writer calls it (through <see cref="IEventLogWriter"/>), with positions it assigned.
    /// </summary>
    Task AppendAsync(IReadOnlyList<LoggedEvent> events, CancellationToken cancellationToken = default);

    /// <summary>A unit's whole log in position order, each event id once.</summary>
    IAsyncEnumerable<LoggedEvent> ReadUnitAsync(string unitCode, CancellationToken cancellationToken = default);

    /// <summary>A unit's events after <paramref name="afterPosition"/>, in position order, each event id once: the tail a snapshot does not hold.</summary>
    IAsyncEnumerable<LoggedEvent> ReadUnitTailAsync(string unitCode, long afterPosition, CancellationToken cancellationToken = default);

    /// <summary>A unit's events that occurred in [<paramref name="occurredFrom"/>, <paramref name="occurredUntil"/>), in time order, each once: for replaying part of history.</summary>
    IAsyncEnumerable<UnitEvent> ReadUnitRangeAsync(string unitCode, DateTimeOffset occurredFrom, DateTimeOffset occurredUntil, CancellationToken cancellationToken = default);

    /// <summary>The unit's last stored position and how many distinct events it has after <paramref name="afterPosition"/>.</summary>
    Task<LogCheck> CheckLogAsync(string unitCode, long afterPosition, CancellationToken cancellationToken = default);

    /// <summary>How many distinct event ids the unit's log holds at or below <paramref name="position"/>.</summary>
    Task<long> CountEventsUpToAsync(string unitCode, long position, CancellationToken cancellationToken = default);

    /// <summary>
    /// Whether the unit's log still holds, at or below <paramref name="position"/>, the
    /// <paramref name="events"/> events a snapshot taken there counted: its rows number that many (an
    /// event stored twice by racing nodes counted twice until its copies merge), or else its distinct
    /// event ids do (<see cref="CountEventsUpToAsync"/>). Counting rows reads no event id.
    /// </summary>
    Task<bool> HoldsExactlyAsync(string unitCode, long position, long events, CancellationToken cancellationToken = default);

    /// <summary>
    /// Every unit's rows on either side of its position in <paramref name="positions"/> (-1 for a unit
    /// not named: all its rows are after), in one pass over the log (a node's start).
    /// </summary>
    Task<IReadOnlyDictionary<string, LogRows>> CountRowsAroundAsync(IReadOnlyDictionary<string, long> positions, CancellationToken cancellationToken = default);

    /// <summary>
    /// The events after each named unit's position, as <see cref="ReadUnitTailAsync"/> reads one unit's,
    /// for all of them in one query (a node's start); every named unit has a list, empty when nothing follows.
    /// </summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<LoggedEvent>>> ReadTailsAsync(IReadOnlyDictionary<string, long> afterPositions, CancellationToken cancellationToken = default);

    /// <summary>
    /// The unit's position as known at <paramref name="asOf"/>: the largest position whose event was
    /// stored (<c>ingested_at</c>) at or before it; 0 when none was.
    /// </summary>
    Task<long> PositionAtAsync(string unitCode, DateTimeOffset asOf, CancellationToken cancellationToken = default);

    /// <summary>
    /// Every unit's position as known at <paramref name="asOf"/> (as <see cref="PositionAtAsync"/>
    /// gives one), in one query: units with no event stored by then are absent.
    /// </summary>
    Task<IReadOnlyDictionary<string, long>> PositionsAtAsync(DateTimeOffset asOf, CancellationToken cancellationToken = default);

    /// <summary>
    /// Every unit's last stored position, in one query: what the city's reconciliation compares with
    /// the reports it keeps. Units with no event stored are absent; a unit whose events all predate
    /// positions is at 0.
    /// </summary>
    Task<IReadOnlyDictionary<string, long>> LastPositionsAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// The units whose log holds a dossier or petition receipt that occurred in
    /// [<paramref name="receivedFrom"/>, <paramref name="receivedUntil"/>), whenever it was stored: a
    /// unit not among them has nothing to count in that period as known at any instant.
    /// </summary>
    Task<IReadOnlySet<string>> UnitsWithReceiptsAsync(DateTimeOffset receivedFrom, DateTimeOffset receivedUntil, CancellationToken cancellationToken = default);

    /// <summary>
    /// Every event, each id once, of the dossiers and petitions with a receipt that occurred in
    /// [<paramref name="receivedFrom"/>, <paramref name="receivedUntil"/>), among the prefix of the log
    /// known at <paramref name="asOf"/>: positions 1..<paramref name="upToPosition"/>, plus the events
    /// stored before positions existed (position 0) whose <c>ingested_at</c> is at or before
    /// <paramref name="asOf"/>. All the facts of those subjects, whatever their dates, so a ledger
    /// built from them counts the period as the unit's ledger did at that position.
    /// </summary>
    IAsyncEnumerable<UnitEvent> ReadKnownAtAsync(
        string unitCode, long upToPosition, DateTimeOffset asOf, DateTimeOffset receivedFrom, DateTimeOffset receivedUntil, CancellationToken cancellationToken = default);
}
