using ClickHouse.Driver.ADO.Parameters;
using ClickHouse.Driver.Utility;
using GovPulse.Storage.ClickHouse;

namespace GovPulse.Notifications.Summaries;

/// <summary><see cref="IDeliveryMarkStore"/> in <c>delivery_marks</c> (migration 0021).</summary>
public sealed class DeliveryMarkStore(ClickHouseDatabase database) : IDeliveryMarkStore
{
    private static readonly string[] Columns = ["key", "done_at"];

    public async Task<IReadOnlySet<string>> DoneAsync(string prefix, CancellationToken cancellationToken = default)
    {
        var client = await database.GetClientAsync();
        var parameters = new ClickHouseParameterCollection();
        parameters.AddParameter("prefix", prefix);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        using var reader = await client.ExecuteReaderAsync(
            "SELECT DISTINCT key FROM delivery_marks WHERE startsWith(key, {prefix:String})", parameters, null, cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            keys.Add(reader.GetString(0));
        }

        return keys;
    }

    public async Task MarkAsync(string key, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var client = await database.GetClientAsync();
        await client.InsertBinaryAsync("delivery_marks", Columns, [new object[] { key, at.UtcDateTime }], database.InsertOptions, cancellationToken);
    }
}
