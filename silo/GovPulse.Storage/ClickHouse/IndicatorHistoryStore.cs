using System.Buffers;
using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using ClickHouse.Driver.ADO.Parameters;
using ClickHouse.Driver.Utility;
using GovPulse.Indicators.Periods;
using GovPulse.Indicators.Scoring;

namespace GovPulse.Storage.ClickHouse;

/// <summary>
/// The <c>indicator_snapshots</c> table (migrations 0003, 0012). An hour is written in one insert,
/// which ClickHouse applies whole (one block, one partition), so "rows exist for the hour" is the
/// mark of a published hour. Every insert of an hour carries that hour's deduplication token, so
/// the engine keeps the first insert of an hour and drops any later one (a racing activation, a
/// retry after a node died past its insert), atomically and before anyone reads: one row per unit
/// and hour, and the writer whose <c>publication_id</c> the rows hold is the one that created it.
/// Reads still keep one row per unit and hour (the latest <c>published_at</c>) for hours stored twice
/// before migration 0012.
/// </summary>
public sealed class IndicatorHistoryStore(ClickHouseDatabase database) : IIndicatorHistoryStore
{
    private const string LocalSeconds = "yyyy-MM-dd HH:mm:ss";

    private const string LocalMilliseconds = "yyyy-MM-dd HH:mm:ss.fff";

    private static readonly JsonSerializerOptions ScorecardJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public async Task<HourPublication?> FindPublicationAsync(DateTimeOffset hour, CancellationToken cancellationToken = default)
    {
        var client = await database.GetClientAsync();
        var parameters = new ClickHouseParameterCollection();
        parameters.AddParameter("hour", UnixSeconds(hour));
        using var reader = await client.ExecuteReaderAsync(
            """
            SELECT count(), uniqExact(unit_code), toUnixTimestamp64Milli(max(published_at)), argMax(late, published_at),
                   toString(argMax(publication_id, published_at))
            FROM indicator_snapshots
            WHERE hour = toDateTime({hour:Int64})
            """,
            parameters,
            null,
            cancellationToken);
        if (!await reader.ReadAsync(cancellationToken) || ToLong(reader.GetValue(0)) == 0)
        {
            return null;
        }

        return new HourPublication(
            VietnamTime.ToLocal(hour),
            FromUnixMilliseconds(ToLong(reader.GetValue(2))),
            reader.GetBoolean(3),
            (int)ToLong(reader.GetValue(1)),
            Guid.Parse(reader.GetString(4), CultureInfo.InvariantCulture));
    }

    public async Task<IReadOnlySet<DateTimeOffset>> PublishedHoursAsync(DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken = default)
    {
        var client = await database.GetClientAsync();
        var parameters = new ClickHouseParameterCollection();
        parameters.AddParameter("since", UnixSeconds(since));
        parameters.AddParameter("until", UnixSeconds(until));
        using var reader = await client.ExecuteReaderAsync(
            """
            SELECT DISTINCT toUnixTimestamp(hour)
            FROM indicator_snapshots
            WHERE hour >= toDateTime({since:Int64}) AND hour < toDateTime({until:Int64})
            """,
            parameters,
            null,
            cancellationToken);
        var hours = new HashSet<DateTimeOffset>();
        while (await reader.ReadAsync(cancellationToken))
        {
            hours.Add(FromUnixSeconds(ToLong(reader.GetValue(0))));
        }

        return hours;
    }

    public async Task<DateTimeOffset?> LastPublishedHourAsync(
        DateTimeOffset before, DateTimeOffset? notBefore = null, string? period = null, CancellationToken cancellationToken = default)
    {
        var client = await database.GetClientAsync();
        var parameters = new ClickHouseParameterCollection();
        parameters.AddParameter("before", UnixSeconds(before));
        var where = "hour < toDateTime({before:Int64})";
        if (notBefore is { } start)
        {
            parameters.AddParameter("notBefore", UnixSeconds(start));
            where += " AND hour >= toDateTime({notBefore:Int64})";
        }

        if (period is not null)
        {
            parameters.AddParameter("period", period);
            where += " AND period = {period:String}";
        }

        using var reader = await client.ExecuteReaderAsync(
            $"SELECT count(), toUnixTimestamp(max(hour)) FROM indicator_snapshots WHERE {where}", parameters, null, cancellationToken);
        return await reader.ReadAsync(cancellationToken) && ToLong(reader.GetValue(0)) > 0
            ? FromUnixSeconds(ToLong(reader.GetValue(1)))
            : null;
    }

    public async Task<HourPublication> StoreAsync(Guid publicationId, IReadOnlyList<IndicatorSnapshot> snapshots, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        ArgumentOutOfRangeException.ThrowIfZero(snapshots.Count);
        var hour = snapshots[0].Hour;
        if (snapshots.Any(s => s.Hour != hour))
        {
            throw new ArgumentException("An insert holds one hour's snapshots only: the hour's token covers them all.", nameof(snapshots));
        }

        // The rows ride inline as JSONEachRow because the token must be in the statement's SETTINGS
        // (the embedded endpoint ignores settings in the URL). One insert, one block: the hour is
        // stored whole or not at all, and the token makes it happen once.
        var statement = new StringBuilder()
            .Append("INSERT INTO indicator_snapshots SETTINGS insert_deduplication_token = '")
            .Append(DeduplicationToken(hour))
            .Append("' FORMAT JSONEachRow\n");
        foreach (var snapshot in snapshots)
        {
            statement.Append(RowJson(snapshot, publicationId)).Append('\n');
        }

        var client = await database.GetClientAsync();
        await client.ExecuteNonQueryAsync(statement.ToString(), null, null, cancellationToken);
        return await FindPublicationAsync(hour, cancellationToken)
            ?? throw new InvalidOperationException($"hour {hour:O} was inserted but reads as not stored");
    }

    /// <summary>The token of an hour's insert: the same for every writer of that hour, whatever its figures.</summary>
    public static string DeduplicationToken(DateTimeOffset hour) =>
        "indicator_snapshots:" + VietnamTime.ToLocal(hour).ToString("yyyy-MM-dd'T'HH", CultureInfo.InvariantCulture);

    private static string RowJson(IndicatorSnapshot snapshot, Guid publicationId)
    {
        var card = snapshot.Scorecard;
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();

            // Text in the columns' own zone (Asia/Ho_Chi_Minh), which is how ClickHouse reads it.
            json.WriteString("hour", VietnamTime.ToLocal(snapshot.Hour).ToString(LocalSeconds, CultureInfo.InvariantCulture));
            json.WriteString("unit_code", card.UnitCode);
            json.WriteString("period", card.Period);
            json.WriteNumber("total", Points(card.Total ?? 0));
            json.WriteString("band", card.Band ?? string.Empty);
            json.WriteNumber("publicity", Group(card, GroupCode.PUBLICITY));
            json.WriteNumber("progress", Group(card, GroupCode.PROGRESS));
            json.WriteNumber("online", Group(card, GroupCode.ONLINE));
            json.WriteNumber("payment", Group(card, GroupCode.PAYMENT));
            json.WriteNumber("digitization", Group(card, GroupCode.DIGITIZATION));
            json.WriteNumber("satisfaction", Group(card, GroupCode.SATISFACTION));
            json.WriteNumber("received", Count(card.Counts.Received));
            json.WriteNumber("finished", Count(card.Counts.Finished));
            json.WriteNumber("finished_on_time", Count(card.Counts.FinishedOnTime));
            json.WriteNumber("finished_late", Count(card.Counts.FinishedLate));
            json.WriteNumber("in_progress_on_time", Count(card.Counts.InProgressOnTime));
            json.WriteNumber("in_progress_overdue", Count(card.Counts.InProgressOverdue));
            json.WriteNumber("apologies", Count(card.Counts.Apologies));
            json.WriteString("scorecard", JsonSerializer.Serialize(card, ScorecardJson));
            json.WriteString("published_at", VietnamTime.ToLocal(snapshot.PublishedAt).ToString(LocalMilliseconds, CultureInfo.InvariantCulture));
            json.WriteBoolean("late", snapshot.Late);
            json.WriteString("publication_id", publicationId);
            json.WriteEndObject();
        }

        // Escaped JSON holds no raw newline, so each row stays on its line.
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public async Task<IReadOnlyDictionary<string, decimal>> TotalsAtAsync(DateTimeOffset hour, CancellationToken cancellationToken = default)
    {
        var client = await database.GetClientAsync();
        var parameters = new ClickHouseParameterCollection();
        parameters.AddParameter("hour", UnixSeconds(hour));
        using var reader = await client.ExecuteReaderAsync(
            """
            SELECT unit_code, argMax(total, published_at)
            FROM indicator_snapshots
            WHERE hour = toDateTime({hour:Int64})
            GROUP BY unit_code
            """,
            parameters,
            null,
            cancellationToken);
        var totals = new Dictionary<string, decimal>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            totals[reader.GetString(0)] = reader.GetDecimal(1);
        }

        return totals;
    }

    public async Task<IReadOnlyList<IndicatorSnapshot>> ReadHourAsync(DateTimeOffset hour, CancellationToken cancellationToken = default)
    {
        var client = await database.GetClientAsync();
        var parameters = new ClickHouseParameterCollection();
        parameters.AddParameter("hour", UnixSeconds(hour));
        using var reader = await client.ExecuteReaderAsync(
            """
            SELECT scorecard, toUnixTimestamp64Milli(published_at), late
            FROM indicator_snapshots
            WHERE hour = toDateTime({hour:Int64})
            ORDER BY unit_code, published_at DESC
            LIMIT 1 BY unit_code
            """,
            parameters,
            null,
            cancellationToken);
        var local = VietnamTime.ToLocal(hour);
        var snapshots = new List<IndicatorSnapshot>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var scorecard = JsonSerializer.Deserialize<Scorecard>(reader.GetString(0), ScorecardJson)
                ?? throw new JsonException("An indicator_snapshots.scorecard row holds JSON null.");
            snapshots.Add(new IndicatorSnapshot(local, scorecard, FromUnixMilliseconds(ToLong(reader.GetValue(1))), reader.GetBoolean(2)));
        }

        return snapshots;
    }

    public async Task<IReadOnlyList<HistoryEntry>> ReadUnitAsync(
        string unitCode, DateTimeOffset since, DateTimeOffset until, HistoryBucket bucket, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var client = await database.GetClientAsync();
        var parameters = new ClickHouseParameterCollection();
        parameters.AddParameter("unit", unitCode);
        parameters.AddParameter("since", UnixSeconds(since));
        parameters.AddParameter("until", UnixSeconds(until));

        // Days and months are local ones: toDate/toStartOfMonth use the column's time zone.
        var by = bucket switch
        {
            HistoryBucket.Hour => "hour",
            HistoryBucket.Day => "toDate(hour)",
            HistoryBucket.Month => "toStartOfMonth(hour)",
            _ => throw new ArgumentOutOfRangeException(nameof(bucket), bucket, "not a history bucket"),
        };

        // Newest first inside, so LIMIT 1 BY keeps each bucket's last snapshot (and its latest write)
        // and the row cap keeps the most recent rows; then oldest first for the answer.
        using var reader = await client.ExecuteReaderAsync(
            $$"""
            SELECT toUnixTimestamp(hour), period, total, band,
                   publicity, progress, online, payment, digitization, satisfaction,
                   received, finished, finished_on_time, finished_late, in_progress_on_time, in_progress_overdue, apologies,
                   toUnixTimestamp64Milli(published_at), late
            FROM
            (
                SELECT * FROM indicator_snapshots
                WHERE unit_code = {unit:String} AND hour >= toDateTime({since:Int64}) AND hour <= toDateTime({until:Int64})
                ORDER BY hour DESC, published_at DESC
                LIMIT 1 BY {{by}}
                LIMIT {{limit.ToString(CultureInfo.InvariantCulture)}}
            )
            ORDER BY hour
            """,
            parameters,
            null,
            cancellationToken);
        var entries = new List<HistoryEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(ReadEntry(reader));
        }

        return entries;
    }

    private static HistoryEntry ReadEntry(DbDataReader reader)
    {
        var groups = new Dictionary<GroupCode, decimal>
        {
            [GroupCode.PUBLICITY] = reader.GetDecimal(4),
            [GroupCode.PROGRESS] = reader.GetDecimal(5),
            [GroupCode.ONLINE] = reader.GetDecimal(6),
            [GroupCode.PAYMENT] = reader.GetDecimal(7),
            [GroupCode.DIGITIZATION] = reader.GetDecimal(8),
            [GroupCode.SATISFACTION] = reader.GetDecimal(9),
        };
        var counts = new ScorecardCounts(
            ToLong(reader.GetValue(10)),
            ToLong(reader.GetValue(11)),
            ToLong(reader.GetValue(12)),
            ToLong(reader.GetValue(13)),
            ToLong(reader.GetValue(14)),
            ToLong(reader.GetValue(15)),
            ToLong(reader.GetValue(16)));
        return new HistoryEntry(
            FromUnixSeconds(ToLong(reader.GetValue(0))),
            reader.GetString(1),
            reader.GetDecimal(2),
            reader.GetString(3),
            groups,
            counts,
            FromUnixMilliseconds(ToLong(reader.GetValue(17))),
            reader.GetBoolean(18));
    }

    private static decimal Group(Scorecard scorecard, GroupCode code) =>
        Points(scorecard.Groups.FirstOrDefault(g => g.Code == code)?.Score ?? 0);

    private static decimal Points(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    private static ulong Count(long value) => value < 0 ? 0 : (ulong)value;

    private static long UnixSeconds(DateTimeOffset instant) => instant.ToUnixTimeSeconds();

    private static long ToLong(object value) => Convert.ToInt64(value, CultureInfo.InvariantCulture);

    private static DateTimeOffset FromUnixSeconds(long seconds) => VietnamTime.ToLocal(DateTimeOffset.FromUnixTimeSeconds(seconds));

    private static DateTimeOffset FromUnixMilliseconds(long milliseconds) => VietnamTime.ToLocal(DateTimeOffset.FromUnixTimeMilliseconds(milliseconds));
}
