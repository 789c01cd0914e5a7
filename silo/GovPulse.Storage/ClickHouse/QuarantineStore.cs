using ClickHouse.Driver.ADO.Parameters;
using ClickHouse.Driver.Utility;

namespace GovPulse.Storage.ClickHouse;

/// <summary>Quarantined events in ClickHouse (<c>quarantined_events</c>).</summary>
public sealed class QuarantineStore(ClickHouseDatabase database) : IQuarantineStore
{
    private static readonly string[] Columns = ["unit_code", "event_id", "position", "reason", "payload", "quarantined_at"];

    public async Task AddAsync(QuarantinedEvent quarantined, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(quarantined);
        var client = await database.GetClientAsync();
        object[] row =
        [
            quarantined.UnitCode, quarantined.EventId, checked((ulong)quarantined.Position), quarantined.Reason,
            StoredEventJson.Serialize(quarantined.Event), quarantined.QuarantinedAt.UtcDateTime,
        ];
        await client.InsertBinaryAsync("quarantined_events", Columns, [row], database.InsertOptions, cancellationToken);
    }

    public async Task<IReadOnlySet<string>> ReadIdsAsync(string unitCode, CancellationToken cancellationToken = default)
    {
        var client = await database.GetClientAsync();
        var parameters = new ClickHouseParameterCollection();
        parameters.AddParameter("unit", unitCode);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        using var reader = await client.ExecuteReaderAsync(
            "SELECT DISTINCT event_id FROM quarantined_events WHERE unit_code = {unit:String}", parameters, null, cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    public async Task<IReadOnlyDictionary<string, IReadOnlySet<string>>> ReadAllIdsAsync(CancellationToken cancellationToken = default)
    {
        var client = await database.GetClientAsync();
        var ids = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        using var reader = await client.ExecuteReaderAsync("SELECT DISTINCT unit_code, event_id FROM quarantined_events", null, null, cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var unitCode = reader.GetString(0);
            if (!ids.TryGetValue(unitCode, out var unit))
            {
                ids[unitCode] = unit = new HashSet<string>(StringComparer.Ordinal);
            }

            unit.Add(reader.GetString(1));
        }

        return ids.ToDictionary(u => u.Key, u => (IReadOnlySet<string>)u.Value, StringComparer.Ordinal);
    }

    public async Task<IReadOnlyList<QuarantinedEvent>> ListAsync(string? unitCode, int limit, CancellationToken cancellationToken = default)
    {
        var client = await database.GetClientAsync();
        var parameters = new ClickHouseParameterCollection();
        parameters.AddParameter("unit", unitCode ?? string.Empty);
        parameters.AddParameter("limit", limit);
        var list = new List<QuarantinedEvent>();
        using var reader = await client.ExecuteReaderAsync(
            """
            SELECT unit_code, event_id, position, reason, payload, toUnixTimestamp64Milli(quarantined_at) FROM quarantined_events FINAL
            WHERE {unit:String} = '' OR unit_code = {unit:String}
            ORDER BY quarantined_at DESC, unit_code, event_id
            LIMIT {limit:Int32}
            """,
            parameters,
            null,
            cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(new QuarantinedEvent(
                reader.GetString(0),
                reader.GetString(1),
                Convert.ToInt64(reader.GetValue(2), System.Globalization.CultureInfo.InvariantCulture),
                reader.GetString(3),
                StoredEventJson.Deserialize(reader.GetString(4)),
                DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(reader.GetValue(5), System.Globalization.CultureInfo.InvariantCulture))));
        }

        return list;
    }
}
