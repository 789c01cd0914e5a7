using System.Data.Common;
using System.Globalization;
using ClickHouse.Driver.ADO.Parameters;
using ClickHouse.Driver.Utility;

namespace GovPulse.Storage.ClickHouse;

/// <summary>
/// The <c>api_keys</c> table (migration 0004). A revocation is a second row for the same key id
/// with a higher version; every read here keeps the highest version of each key, as the merge will.
/// </summary>
public sealed class ApiKeyStore(ClickHouseDatabase database) : IApiKeyStore
{
    private const byte Created = 1;
    private const byte Revoked = 2;

    private static readonly string[] Columns =
        ["key_id", "name", "key_sha256", "units", "rate_per_minute", "created_at", "revoked_at", "version"];

    // Equal versions (two nodes revoking at once) keep the earlier revocation, on every read.
    private const string Latest =
        """
        SELECT key_id, name, key_sha256, units, rate_per_minute,
               toUnixTimestamp64Milli(created_at), toUnixTimestamp64Milli(revoked_at)
        FROM api_keys
        {where}
        ORDER BY key_id, version DESC, revoked_at ASC
        LIMIT 1 BY key_id
        """;

    public Task AddAsync(StoredApiKey key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        return InsertAsync(key, key.IsRevoked ? Revoked : Created, cancellationToken);
    }

    public async Task<StoredApiKey?> FindAsync(string id, CancellationToken cancellationToken = default)
    {
        var parameters = new ClickHouseParameterCollection();
        parameters.AddParameter("id", id);
        var found = await ReadAsync("WHERE key_id = {id:String}", parameters, cancellationToken);
        return found.Count == 0 ? null : found[0];
    }

    public async Task<IReadOnlyList<StoredApiKey>> ListAsync(CancellationToken cancellationToken = default)
    {
        var keys = await ReadAsync(string.Empty, new ClickHouseParameterCollection(), cancellationToken);
        return [.. keys.OrderBy(k => k.CreatedAt).ThenBy(k => k.Id, StringComparer.Ordinal)];
    }

    public async Task<StoredApiKey?> RevokeAsync(string id, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var key = await FindAsync(id, cancellationToken);
        if (key is null || key.IsRevoked)
        {
            return key;
        }

        var revoked = key with { RevokedAt = at };
        await InsertAsync(revoked, Revoked, cancellationToken);
        return revoked;
    }

    private async Task InsertAsync(StoredApiKey key, byte version, CancellationToken cancellationToken)
    {
        var client = await database.GetClientAsync();
        object?[] row =
        [
            key.Id, key.Name, key.Sha256, key.Units.ToArray(), (uint)key.RatePerMinute,
            key.CreatedAt.UtcDateTime, key.RevokedAt?.UtcDateTime, version,
        ];
        await client.InsertBinaryAsync("api_keys", Columns, [row!], database.InsertOptions, cancellationToken);
    }

    private async Task<List<StoredApiKey>> ReadAsync(string where, ClickHouseParameterCollection parameters, CancellationToken cancellationToken)
    {
        var client = await database.GetClientAsync();
        using var reader = await client.ExecuteReaderAsync(Latest.Replace("{where}", where, StringComparison.Ordinal), parameters, null, cancellationToken);
        var keys = new List<StoredApiKey>();
        while (await reader.ReadAsync(cancellationToken))
        {
            keys.Add(Read(reader));
        }

        return keys;
    }

    private static StoredApiKey Read(DbDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.GetValue(3) is IEnumerable<string> units ? [.. units] : [],
        (int)Convert.ToInt64(reader.GetValue(4), CultureInfo.InvariantCulture),
        DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(reader.GetValue(5), CultureInfo.InvariantCulture)),
        reader.IsDBNull(6) ? null : DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(reader.GetValue(6), CultureInfo.InvariantCulture)));
}
