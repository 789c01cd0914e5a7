using ClickHouse.Driver.ADO.Parameters;
using ClickHouse.Driver.Utility;
using GovPulse.Indicators.Events;

namespace GovPulse.Storage.ClickHouse;

/// <summary>
/// The <c>events</c> table: every accepted event, written before it is acknowledged, and read
/// back when a unit grain rebuilds.
/// </summary>
public sealed class EventStore(ClickHouseDatabase database, TimeProvider time) : IEventStore
{
    private static readonly string[] Columns = ["event_id", "unit_code", "type", "subject_id", "occurred_at", "ingested_at", "payload"];

    public async Task<IReadOnlyDictionary<string, UnitEvent>> FindStoredAsync(IReadOnlyCollection<string> eventIds, CancellationToken cancellationToken = default)
    {
        var found = new Dictionary<string, UnitEvent>(StringComparer.Ordinal);
        if (eventIds.Count == 0)
        {
            return found;
        }

        var client = await database.GetClientAsync();
        var parameters = new ClickHouseParameterCollection();
        parameters.AddParameter("ids", eventIds.ToArray());
        // One row per id, the one the unit readers pick (first by occurred_at): a re-delivery that
        // has not merged away yet is the same event, so which copy does not matter.
        using var reader = await client.ExecuteReaderAsync(
            """
            SELECT event_id, payload FROM events
            WHERE event_id IN {ids:Array(String)}
            ORDER BY occurred_at, event_id
            LIMIT 1 BY event_id
            """,
            parameters,
            null,
            cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            found[reader.GetString(0)] = StoredEventJson.Deserialize(reader.GetString(1));
        }

        return found;
    }

    public async Task AppendAsync(IReadOnlyList<UnitEvent> events, CancellationToken cancellationToken = default)
    {
        if (events.Count == 0)
        {
            return;
        }

        var client = await database.GetClientAsync();
        var ingestedAt = time.GetUtcNow().UtcDateTime;
        var rows = events.Select(e => new object[]
        {
            e.EventId, e.UnitCode, e.Type.ToString(), e.SubjectId, e.OccurredAt.UtcDateTime, ingestedAt, StoredEventJson.Serialize(e),
        });
        await client.InsertBinaryAsync("events", Columns, rows, null, cancellationToken);
    }

    public IAsyncEnumerable<UnitEvent> ReadUnitAsync(string unitCode, CancellationToken cancellationToken = default) =>
        ReadAsync(unitCode, long.MinValue, long.MinValue, long.MaxValue, cancellationToken);

    public IAsyncEnumerable<UnitEvent> ReadUnitTailAsync(string unitCode, DateTimeOffset ingestedAfter, CancellationToken cancellationToken = default) =>
        ReadAsync(unitCode, ingestedAfter.ToUnixTimeMilliseconds(), long.MinValue, long.MaxValue, cancellationToken);

    public IAsyncEnumerable<UnitEvent> ReadUnitRangeAsync(string unitCode, DateTimeOffset occurredFrom, DateTimeOffset occurredUntil, CancellationToken cancellationToken = default) =>
        ReadAsync(unitCode, long.MinValue, occurredFrom.ToUnixTimeMilliseconds(), occurredUntil.ToUnixTimeMilliseconds(), cancellationToken);

    /// <summary>The unit's events ingested at or after <paramref name="ingestedFrom"/> that occurred in [occurredFrom, occurredTo) (Unix milliseconds).</summary>
    private async IAsyncEnumerable<UnitEvent> ReadAsync(
        string unitCode, long ingestedFrom, long occurredFrom, long occurredTo, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var client = await database.GetClientAsync();
        var parameters = new ClickHouseParameterCollection();
        parameters.AddParameter("unit", unitCode);
        parameters.AddParameter("ingested", ingestedFrom);
        parameters.AddParameter("from", occurredFrom);
        parameters.AddParameter("to", occurredTo);
        // LIMIT 1 BY: re-delivered events that have not merged away yet are read once.
        using var reader = await client.ExecuteReaderAsync(
            """
            SELECT payload FROM events
            WHERE unit_code = {unit:String}
              AND toUnixTimestamp64Milli(ingested_at) >= {ingested:Int64}
              AND toUnixTimestamp64Milli(occurred_at) >= {from:Int64} AND toUnixTimestamp64Milli(occurred_at) < {to:Int64}
            ORDER BY occurred_at, event_id
            LIMIT 1 BY event_id
            """,
            parameters,
            null,
            cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return StoredEventJson.Deserialize(reader.GetString(0));
        }
    }
}
