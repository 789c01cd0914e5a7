using GovPulse.Storage.ClickHouse;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace GovPulse.Storage.Tests.Fixtures;

/// <summary>
/// A <see cref="ClickHouseDatabase"/> on a fresh database of the shared embedded engine, used the way
/// a node uses a ClickHouse server (connection string set), so the product's migrations run on it.
/// </summary>
public static class ServerModeDatabase
{
    public static ClickHouseDatabase Create(EmbeddedClickHouseFixture fixture, string purpose)
    {
        var name = fixture.CreateDatabase(purpose);
        return new ClickHouseDatabase(
            Options.Create(new ClickHouseOptions { ConnectionString = fixture.Endpoint.ConnectionStringFor(name), Database = name }),
            Options.Create(new StorageOptions { DataDirectory = fixture.DataDirectory }),
            NullLoggerFactory.Instance);
    }
}
