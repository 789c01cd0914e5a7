using System.Globalization;
using ClickHouse.Driver.ADO.Parameters;
using ClickHouse.Driver.Utility;

namespace GovPulse.Storage.ClickHouse;

/// <summary>The audit log in ClickHouse (<c>audit_log</c>, migration 0026).</summary>
public sealed class AuditLog(ClickHouseDatabase database) : IAuditLog
{
    /// <summary>The end of an open range: 2286, before DateTime64's last instant (2299).</summary>
    private const long Forever = 9_999_999_999_999;

    private static readonly string[] Columns = ["at", "user", "role", "action", "request", "address", "status", "bytes", "sha256"];

    public async Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var client = await database.GetClientAsync();
        object[] row =
        [
            entry.At.UtcDateTime, entry.User, entry.Role, entry.Action, entry.Request, entry.Address,
            checked((ushort)entry.Status), checked((ulong)entry.Bytes), entry.Sha256,
        ];
        await client.InsertBinaryAsync("audit_log", Columns, [row], database.InsertOptions, cancellationToken);
    }

    public async Task<IReadOnlyList<AuditEntry>> ReadAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var parameters = new ClickHouseParameterCollection();
        parameters.AddParameter("from", query.From?.ToUnixTimeMilliseconds() ?? 0);
        parameters.AddParameter("to", query.To?.ToUnixTimeMilliseconds() ?? Forever);
        parameters.AddParameter("user", query.User ?? string.Empty);
        parameters.AddParameter("keyed", (query.User ?? string.Empty) + " (");
        parameters.AddParameter("limit", query.Limit);
        var client = await database.GetClientAsync();
        // A key is stored as "key:<id> (<name>)": asking for "key:<id>" finds it whatever its name was then.
        using var reader = await client.ExecuteReaderAsync(
            """
            SELECT toUnixTimestamp64Milli(at), `user`, role, action, request, address, status, bytes, sha256
            FROM audit_log
            WHERE at >= fromUnixTimestamp64Milli({from:Int64}, 'UTC') AND at < fromUnixTimestamp64Milli({to:Int64}, 'UTC')
              AND ({user:String} = '' OR `user` = {user:String} OR startsWith(`user`, {keyed:String}))
            ORDER BY at DESC
            LIMIT {limit:Int32}
            """,
            parameters,
            null,
            cancellationToken);
        var entries = new List<AuditEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new AuditEntry(
                DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture)),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetString(4),
                reader.GetString(5),
                Convert.ToInt32(reader.GetValue(6), CultureInfo.InvariantCulture),
                Convert.ToInt64(reader.GetValue(7), CultureInfo.InvariantCulture),
                reader.GetString(8)));
        }

        return entries;
    }

    public async Task<bool> KeepForAsync(int days, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        var client = await database.GetClientAsync();
        var ttl = string.Create(CultureInfo.InvariantCulture, $"toDateTime(at) + toIntervalDay({days})");
        using (var reader = await client.ExecuteReaderAsync(
            "SELECT create_table_query FROM system.tables WHERE database = currentDatabase() AND name = 'audit_log'", null, null, cancellationToken))
        {
            // Changing the TTL rewrites every part of the table: only when the setting changed.
            if (await reader.ReadAsync(cancellationToken) && reader.GetString(0).Contains("TTL " + ttl, StringComparison.Ordinal))
            {
                return false;
            }
        }

        await client.ExecuteNonQueryAsync($"ALTER TABLE audit_log MODIFY TTL {ttl}", null, null, cancellationToken);
        return true;
    }
}
