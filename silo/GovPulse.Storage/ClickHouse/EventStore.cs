using ClickHouse.Driver;
using ClickHouse.Driver.ADO.Parameters;
using ClickHouse.Driver.Utility;
using GovPulse.Indicators.Events;

namespace GovPulse.Storage.ClickHouse;

/// <summary>
/// The <c>events</c> table: every accepted event, written before it is acknowledged, and read
/// back when a unit grain rebuilds.
/// </summary>
public sealed class EventStore : IEventStore
{
    /// <summary>
    /// The earliest time the <c>events</c> and <c>event_ids</c> tables hold exactly. Their times are
    /// <c>DateTime64(3, 'Asia/Ho_Chi_Minh')</c>, whose range is 1900-01-01 to 2299-12-31: outside it
    /// ClickHouse shows, partitions and compares a time as the nearest end of the range. The lower
    /// end is taken in UTC, where both the column's zone and UTC still read it back right.
    /// </summary>
    public static readonly DateTimeOffset EarliestTime = new(1900, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The latest time the tables hold exactly: the last millisecond of 2299 in the column's zone (see <see cref="EarliestTime"/>).</summary>
    public static readonly DateTimeOffset LatestTime = new(2299, 12, 31, 23, 59, 59, 999, TimeSpan.FromHours(7));

    private static readonly string[] Columns = ["event_id", "unit_code", "type", "subject_id", "occurred_at", "ingested_at", "payload", "position"];

    private static readonly string[] KeyColumns = ["event_id", "unit_code", "occurred_at"];

    private readonly ClickHouseDatabase _database;
    private readonly TimeProvider _time;
    private readonly StoredIdFilter? _storedIds;
    private readonly Func<bool> _othersMayWrite;
    private readonly Lock _loadLock = new();
    private Task? _load;

    /// <summary>
    /// A store that keeps a <see cref="StoredIdFilter"/> with the embedded engine, and uses it only
    /// while nobody else has written to that engine (<see cref="ClickHouseDatabase.OthersMayWrite"/>).
    /// </summary>
    public EventStore(ClickHouseDatabase database, TimeProvider time)
        : this(database, time, database.IsEmbedded, () => database.OthersMayWrite)
    {
    }

    /// <param name="soleWriter">
    /// True when no other process writes to the database, so the store may answer "not stored" from
    /// its own <see cref="StoredIdFilter"/>; never with a server that other nodes write to.
    /// </param>
    public EventStore(ClickHouseDatabase database, TimeProvider time, bool soleWriter)
        : this(database, time, soleWriter, static () => false)
    {
    }

    private EventStore(ClickHouseDatabase database, TimeProvider time, bool keepFilter, Func<bool> othersMayWrite)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
        _time = time;
        _storedIds = keepFilter ? new StoredIdFilter() : null;
        _othersMayWrite = othersMayWrite;
    }

    /// <remarks>
    /// Two steps: <c>event_ids</c> says by point lookups which ids are stored and where (unit, time),
    /// then only those are read from <c>events</c>, by its sorting key. An id in <c>event_ids</c>
    /// whose event is missing (a crash between the two inserts of <see cref="AppendAsync"/>) counts as
    /// not stored, so sending it again stores it.
    /// </remarks>
    public async Task<IReadOnlyDictionary<string, UnitEvent>> FindStoredAsync(IReadOnlyCollection<string> eventIds, CancellationToken cancellationToken = default)
    {
        var found = new Dictionary<string, UnitEvent>(StringComparer.Ordinal);
        if (_storedIds is not null)
        {
            StartLoadingStoredIds();
            if (_storedIds.IsComplete && !_othersMayWrite())
            {
                eventIds = eventIds.Where(_storedIds.MightContain).ToList();
            }
        }

        if (eventIds.Count == 0)
        {
            return found;
        }

        var client = await _database.GetClientAsync();
        foreach (var chunk in InQueryStrings(eventIds))
        {
            await FindStoredAsync(client, chunk, found, cancellationToken);
        }

        return found;
    }

    /// <summary>
    /// Splits ids into lists whose parameters fit one query string: the driver sends parameters in the
    /// URL, and ClickHouse refuses a URI over 1 MiB (<c>http_max_uri_size</c>) with 414, which a
    /// batch of 50,000 ids reached. Counted as if every character were percent-encoded.
    /// </summary>
    internal static IEnumerable<string[]> InQueryStrings(IEnumerable<string> ids, int maxEncodedChars = 256 * 1024)
    {
        var chunk = new List<string>();
        var size = 0;
        foreach (var id in ids)
        {
            var encoded = (id.Length * 3) + 9; // the id, its quotes and comma, all percent-encoded
            if (chunk.Count > 0 && size + encoded > maxEncodedChars)
            {
                yield return chunk.ToArray();
                chunk.Clear();
                size = 0;
            }

            chunk.Add(id);
            size += encoded;
        }

        if (chunk.Count > 0)
        {
            yield return chunk.ToArray();
        }
    }

    private static async Task FindStoredAsync(ClickHouseClient client, string[] eventIds, Dictionary<string, UnitEvent> found, CancellationToken cancellationToken)
    {
        var parameters = new ClickHouseParameterCollection();
        parameters.AddParameter("ids", eventIds);
        var ids = new List<string>();
        var units = new HashSet<string>(StringComparer.Ordinal);
        long from = long.MaxValue, to = long.MinValue;
        using (var keys = await client.ExecuteReaderAsync(
            "SELECT event_id, unit_code, toUnixTimestamp64Milli(occurred_at) FROM event_ids WHERE event_id IN {ids:Array(String)}",
            parameters,
            null,
            cancellationToken))
        {
            while (await keys.ReadAsync(cancellationToken))
            {
                ids.Add(keys.GetString(0));
                units.Add(keys.GetString(1));
                var at = keys.GetInt64(2);
                from = Math.Min(from, at);
                to = Math.Max(to, at);
            }
        }

        if (ids.Count == 0)
        {
            return;
        }

        var where = new ClickHouseParameterCollection();
        where.AddParameter("ids", ids.ToArray());
        where.AddParameter("units", units.ToArray());
        where.AddParameter("from", from);
        where.AddParameter("to", to);
        // One row per id, the one the unit readers pick (first by occurred_at): a re-delivery that
        // has not merged away yet is the same event, so which copy does not matter.
        using var reader = await client.ExecuteReaderAsync(
            """
            SELECT event_id, payload FROM events
            WHERE unit_code IN {units:Array(String)}
              AND occurred_at >= fromUnixTimestamp64Milli({from:Int64}) AND occurred_at <= fromUnixTimestamp64Milli({to:Int64})
              AND event_id IN {ids:Array(String)}
            ORDER BY occurred_at, event_id
            LIMIT 1 BY event_id
            """,
            where,
            null,
            cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            found[reader.GetString(0)] = StoredEventJson.Deserialize(reader.GetString(1));
        }
    }

    /// <remarks>
    /// The ids go into <c>event_ids</c> before the events go into <c>events</c>: a crash between
    /// the two leaves an id without its event, which <see cref="FindStoredAsync"/> treats as not
    /// stored, never an event the duplicate check cannot find.
    /// </remarks>
    public async Task AppendAsync(IReadOnlyList<LoggedEvent> events, CancellationToken cancellationToken = default)
    {
        if (events.Count == 0)
        {
            return;
        }

        if (_storedIds is not null)
        {
            StartLoadingStoredIds();
            foreach (var e in events)
            {
                _storedIds.Add(e.Event.EventId);
            }
        }

        var client = await _database.GetClientAsync();
        // ingested_at says when the events were stored: the known-at figures (PositionAtAsync) read it.
        var ingestedAt = _time.GetUtcNow().UtcDateTime;
        await client.InsertBinaryAsync("event_ids", KeyColumns, events.Select(l => new object[] { l.Event.EventId, l.Event.UnitCode, l.Event.OccurredAt.UtcDateTime }), _database.InsertOptions, cancellationToken);
        var rows = events.Select(l => new object[]
        {
            l.Event.EventId, l.Event.UnitCode, l.Event.Type.ToString(), l.Event.SubjectId, l.Event.OccurredAt.UtcDateTime, ingestedAt,
            StoredEventJson.Serialize(l.Event), checked((ulong)l.Position),
        });
        await client.InsertBinaryAsync("events", Columns, rows, _database.InsertOptions, cancellationToken);
    }

    /// <summary>
    /// Starts filling the <see cref="StoredIdFilter"/> (when this store keeps one) and completes
    /// when it is full (the first call of either method starts it too).
    /// </summary>
    public Task PrepareAsync()
    {
        StartLoadingStoredIds();
        return _load ?? Task.CompletedTask;
    }

    /// <summary>
    /// Fills the filter with the ids stored before this process started, once, in the background
    /// (a year of the city, 23 M ids, takes seconds);
    /// until it is done the duplicate check asks ClickHouse about every id. A failed load is tried
    /// again on the next call. Ids stored meanwhile are added by <see cref="AppendAsync"/> itself.
    /// </summary>
    private void StartLoadingStoredIds()
    {
        if (_load is { IsFaulted: false } || _storedIds is null)
        {
            return;
        }

        lock (_loadLock)
        {
            if (_load is null || _load.IsFaulted)
            {
                _load = Task.Run(LoadStoredIdsAsync);
            }
        }
    }

    /// <summary>
    /// Reads the ids month by month from <c>events</c> (a column scan per partition, so no single
    /// answer holds a year of ids). An id whose event never reached <c>events</c> is rightly left out.
    /// </summary>
    private async Task LoadStoredIdsAsync()
    {
        var client = await _database.GetClientAsync();
        var partitions = new List<string>();
        using (var list = await client.ExecuteReaderAsync(
            "SELECT DISTINCT partition_id FROM system.parts WHERE database = currentDatabase() AND table = 'events' AND active",
            null,
            null,
            CancellationToken.None))
        {
            while (await list.ReadAsync())
            {
                partitions.Add(list.GetString(0));
            }
        }

        foreach (var partition in partitions)
        {
            var parameters = new ClickHouseParameterCollection();
            parameters.AddParameter("partition", partition);
            using var reader = await client.ExecuteReaderAsync("SELECT event_id FROM events WHERE _partition_id = {partition:String}", parameters, null, CancellationToken.None);
            while (await reader.ReadAsync())
            {
                _storedIds!.Add(reader.GetString(0));
            }
        }

        _storedIds!.MarkComplete();
    }

    public IAsyncEnumerable<LoggedEvent> ReadUnitAsync(string unitCode, CancellationToken cancellationToken = default) =>
        ReadUnitTailAsync(unitCode, -1, cancellationToken);

    public async IAsyncEnumerable<LoggedEvent> ReadUnitTailAsync(
        string unitCode, long afterPosition, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var client = await _database.GetClientAsync();
        var parameters = new ClickHouseParameterCollection();
        parameters.AddParameter("unit", unitCode);
        parameters.AddParameter("after", afterPosition);
        // LIMIT 1 BY: an event stored twice (two nodes racing with one id) is read once, at its first position.
        using var reader = await client.ExecuteReaderAsync(
            """
            SELECT position, payload FROM events
            WHERE unit_code = {unit:String} AND toInt64(position) > {after:Int64}
            ORDER BY position, event_id
            LIMIT 1 BY event_id
            """,
            parameters,
            null,
            cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return new LoggedEvent(Number(reader.GetValue(0)), StoredEventJson.Deserialize(reader.GetString(1)));
        }
    }

    public async IAsyncEnumerable<UnitEvent> ReadUnitRangeAsync(
        string unitCode, DateTimeOffset occurredFrom, DateTimeOffset occurredUntil, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var client = await _database.GetClientAsync();
        var parameters = new ClickHouseParameterCollection();
        parameters.AddParameter("unit", unitCode);
        parameters.AddParameter("from", occurredFrom.ToUnixTimeMilliseconds());
        parameters.AddParameter("to", occurredUntil.ToUnixTimeMilliseconds());
        using var reader = await client.ExecuteReaderAsync(
            """
            SELECT payload FROM events
            WHERE unit_code = {unit:String}
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

    public async Task<LogCheck> CheckLogAsync(string unitCode, long afterPosition, CancellationToken cancellationToken = default)
    {
        var client = await _database.GetClientAsync();
        var parameters = new ClickHouseParameterCollection();
        parameters.AddParameter("unit", unitCode);
        parameters.AddParameter("after", afterPosition);
        using var reader = await client.ExecuteReaderAsync(
            "SELECT max(position), uniqExactIf(event_id, toInt64(position) > {after:Int64}) FROM events WHERE unit_code = {unit:String}",
            parameters,
            null,
            cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new LogCheck(Number(reader.GetValue(0)), Number(reader.GetValue(1)))
            : new LogCheck(0, 0);
    }

    public async Task<long> CountEventsUpToAsync(string unitCode, long position, CancellationToken cancellationToken = default)
    {
        var client = await _database.GetClientAsync();
        var parameters = new ClickHouseParameterCollection();
        parameters.AddParameter("unit", unitCode);
        parameters.AddParameter("position", position);
        var count = await client.ExecuteScalarAsync(
            "SELECT uniqExact(event_id) FROM events WHERE unit_code = {unit:String} AND toInt64(position) <= {position:Int64}",
            parameters,
            null,
            cancellationToken);
        return Number(count!);
    }

    public async Task<bool> HoldsExactlyAsync(string unitCode, long position, long events, CancellationToken cancellationToken = default)
    {
        // Nothing at or below a snapshot's position is ever deleted, and only copies of one id (merged
        // away in time) add rows: an event another activation stored there adds a row, so the count
        // of rows finds it without hashing every event id of the unit (seconds for a department's
        // year); only a difference needs the exact count of ids.
        var client = await _database.GetClientAsync();
        var parameters = new ClickHouseParameterCollection();
        parameters.AddParameter("unit", unitCode);
        parameters.AddParameter("position", position);
        var rows = await client.ExecuteScalarAsync(
            "SELECT count() FROM events WHERE unit_code = {unit:String} AND toInt64(position) <= {position:Int64}",
            parameters,
            null,
            cancellationToken);
        return Number(rows!) == events || await CountEventsUpToAsync(unitCode, position, cancellationToken) == events;
    }

    public async Task<IReadOnlyDictionary<string, LogRows>> CountRowsAroundAsync(IReadOnlyDictionary<string, long> positions, CancellationToken cancellationToken = default)
    {
        var client = await _database.GetClientAsync();
        using var reader = await client.ExecuteReaderAsync(
            """
            SELECT unit_code, countIf(toInt64(position) <= p) AS up_to, countIf(toInt64(position) > p) AS after
            FROM (SELECT unit_code, position, transform(toString(unit_code), {units:Array(String)}, {positions:Array(Int64)}, toInt64(-1)) AS p FROM events)
            GROUP BY unit_code
            """,
            PositionParameters(positions),
            null,
            cancellationToken);
        var rows = new Dictionary<string, LogRows>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows[reader.GetString(0)] = new LogRows(Number(reader.GetValue(1)), Number(reader.GetValue(2)));
        }

        return rows;
    }

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<LoggedEvent>>> ReadTailsAsync(IReadOnlyDictionary<string, long> afterPositions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(afterPositions);
        var tails = afterPositions.Keys.ToDictionary(u => u, _ => new List<LoggedEvent>(), StringComparer.Ordinal);
        if (tails.Count > 0)
        {
            var client = await _database.GetClientAsync();
            // As ReadUnitTailAsync, unit by unit: an event stored twice is read once, at its first position.
            using var reader = await client.ExecuteReaderAsync(
                """
                SELECT unit_code, position, payload FROM events
                WHERE unit_code IN {units:Array(String)}
                  AND toInt64(position) > transform(toString(unit_code), {units:Array(String)}, {positions:Array(Int64)}, toInt64(-1))
                ORDER BY unit_code, position, event_id
                LIMIT 1 BY unit_code, event_id
                """,
                PositionParameters(afterPositions),
                null,
                cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                tails[reader.GetString(0)].Add(new LoggedEvent(Number(reader.GetValue(1)), StoredEventJson.Deserialize(reader.GetString(2))));
            }
        }

        return tails.ToDictionary(t => t.Key, t => (IReadOnlyList<LoggedEvent>)t.Value, StringComparer.Ordinal);
    }

    public async Task<long> PositionAtAsync(string unitCode, DateTimeOffset asOf, CancellationToken cancellationToken = default)
    {
        var client = await _database.GetClientAsync();
        var parameters = new ClickHouseParameterCollection();
        parameters.AddParameter("unit", unitCode);
        parameters.AddParameter("asOf", asOf.ToUnixTimeMilliseconds());
        var position = await client.ExecuteScalarAsync(
            "SELECT max(position) FROM events WHERE unit_code = {unit:String} AND toUnixTimestamp64Milli(ingested_at) <= {asOf:Int64}",
            parameters,
            null,
            cancellationToken);
        return position is null or DBNull ? 0 : Number(position);
    }

    public async Task<IReadOnlyDictionary<string, long>> PositionsAtAsync(DateTimeOffset asOf, CancellationToken cancellationToken = default)
    {
        var client = await _database.GetClientAsync();
        var parameters = new ClickHouseParameterCollection();
        parameters.AddParameter("asOf", asOf.ToUnixTimeMilliseconds());
        using var reader = await client.ExecuteReaderAsync(
            "SELECT unit_code, max(position) FROM events WHERE toUnixTimestamp64Milli(ingested_at) <= {asOf:Int64} GROUP BY unit_code",
            parameters,
            null,
            cancellationToken);
        var positions = new Dictionary<string, long>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            positions[reader.GetString(0)] = Number(reader.GetValue(1));
        }

        return positions;
    }

    public async Task<IReadOnlyDictionary<string, long>> LastPositionsAsync(CancellationToken cancellationToken = default)
    {
        var client = await _database.GetClientAsync();
        using var reader = await client.ExecuteReaderAsync("SELECT unit_code, max(position) FROM events GROUP BY unit_code", null, null, cancellationToken);
        var positions = new Dictionary<string, long>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            positions[reader.GetString(0)] = Number(reader.GetValue(1));
        }

        return positions;
    }

    public async Task<IReadOnlySet<string>> UnitsWithReceiptsAsync(DateTimeOffset receivedFrom, DateTimeOffset receivedUntil, CancellationToken cancellationToken = default)
    {
        var client = await _database.GetClientAsync();
        var parameters = new ClickHouseParameterCollection();
        parameters.AddParameter("from", receivedFrom.ToUnixTimeMilliseconds());
        parameters.AddParameter("to", receivedUntil.ToUnixTimeMilliseconds());
        using var reader = await client.ExecuteReaderAsync(
            """
            SELECT DISTINCT unit_code FROM events
            WHERE occurred_at >= fromUnixTimestamp64Milli({from:Int64}) AND occurred_at < fromUnixTimestamp64Milli({to:Int64})
              AND type IN ('DossierReceived', 'PetitionReceived')
            """,
            parameters,
            null,
            cancellationToken);
        var codes = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            codes.Add(reader.GetString(0));
        }

        return codes;
    }

    /// <remarks>
    /// The subjects come from their receipts in the range (the sorting key's occurred_at bounds that
    /// scan); their other events are found by <c>subject_id</c> over the unit's log (migration 0024's
    /// bloom filter skips granules without them). Each id once, at its first position in the prefix.
    /// </remarks>
    public async IAsyncEnumerable<UnitEvent> ReadKnownAtAsync(
        string unitCode,
        long upToPosition,
        DateTimeOffset asOf,
        DateTimeOffset receivedFrom,
        DateTimeOffset receivedUntil,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var client = await _database.GetClientAsync();
        var parameters = new ClickHouseParameterCollection();
        parameters.AddParameter("unit", unitCode);
        parameters.AddParameter("upTo", upToPosition);
        parameters.AddParameter("asOf", asOf.ToUnixTimeMilliseconds());
        parameters.AddParameter("from", receivedFrom.ToUnixTimeMilliseconds());
        parameters.AddParameter("to", receivedUntil.ToUnixTimeMilliseconds());
        using var reader = await client.ExecuteReaderAsync(
            """
            SELECT payload FROM events
            WHERE unit_code = {unit:String}
              AND (toInt64(position) BETWEEN 1 AND {upTo:Int64} OR (position = 0 AND toUnixTimestamp64Milli(ingested_at) <= {asOf:Int64}))
              AND subject_id IN (
                SELECT subject_id FROM events
                WHERE unit_code = {unit:String}
                  AND occurred_at >= fromUnixTimestamp64Milli({from:Int64}) AND occurred_at < fromUnixTimestamp64Milli({to:Int64})
                  AND type IN ('DossierReceived', 'PetitionReceived')
                  AND (toInt64(position) BETWEEN 1 AND {upTo:Int64} OR (position = 0 AND toUnixTimestamp64Milli(ingested_at) <= {asOf:Int64})))
            ORDER BY position, event_id
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

    /// <summary>The units and their positions as two parallel arrays, for <c>transform</c>.</summary>
    private static ClickHouseParameterCollection PositionParameters(IReadOnlyDictionary<string, long> positions)
    {
        ArgumentNullException.ThrowIfNull(positions);
        var parameters = new ClickHouseParameterCollection();
        parameters.AddParameter("units", positions.Keys.ToArray());
        parameters.AddParameter("positions", positions.Keys.Select(u => positions[u]).ToArray());
        return parameters;
    }

    private static long Number(object value) => Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
}
