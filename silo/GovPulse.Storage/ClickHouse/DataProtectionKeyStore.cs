using ClickHouse.Driver.Utility;

namespace GovPulse.Storage.ClickHouse;

/// <summary>The <c>data_protection_keys</c> table (migration 0006).</summary>
public sealed class DataProtectionKeyStore(ClickHouseDatabase database) : IDataProtectionKeyStore
{
    private static readonly string[] Columns = ["friendly_name", "xml", "stored_at"];

    public async Task<IReadOnlyList<string>> ReadAllAsync(CancellationToken cancellationToken = default)
    {
        var client = await database.GetClientAsync();
        using var reader = await client.ExecuteReaderAsync(
            "SELECT xml FROM data_protection_keys ORDER BY stored_at, friendly_name", null, null, cancellationToken);
        var elements = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            elements.Add(reader.GetString(0));
        }

        return elements;
    }

    public async Task AddAsync(string friendlyName, string xml, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var client = await database.GetClientAsync();
        object[] row = [friendlyName, xml, at.UtcDateTime];
        await client.InsertBinaryAsync("data_protection_keys", Columns, [row], database.InsertOptions, cancellationToken);
    }
}
