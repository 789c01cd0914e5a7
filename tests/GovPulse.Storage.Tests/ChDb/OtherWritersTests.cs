using ClickHouse.Driver;
using GovPulse.Storage.ChDb;
using GovPulse.Storage.Tests.Fixtures;

namespace GovPulse.Storage.Tests.ChDb;

/// <summary>
/// The endpoint notices when anyone but the node's own client writes to the engine: the node may
/// then no longer answer "not stored" from its own filter of stored ids.
/// </summary>
[Collection(EmbeddedClickHouseCollectionDefinition.Name)]
public sealed class OtherWritersTests(EmbeddedClickHouseFixture fixture)
{
    [Fact]
    public async Task The_nodes_own_writes_and_anyones_reads_leave_it_the_only_writer_but_another_clients_insert_does_not()
    {
        // An endpoint of its own, so that other tests' writes through the shared one do not count here.
        await using var endpoint = await ClickHouseHttpEndpoint.StartAsync(fixture.Engine);
        var database = fixture.CreateDatabase("writers");
        using var own = new ClickHouseClient(endpoint.ConnectionStringFor(database));
        using var other = new ClickHouseClient($"Host={endpoint.BaseAddress.Host};Port={endpoint.Port};Protocol=http;Database={database};Username=default;Password=");
        using var curl = new HttpClient { BaseAddress = endpoint.BaseAddress };

        await own.ExecuteNonQueryAsync("CREATE TABLE t (id UInt32) ENGINE = MergeTree ORDER BY id");
        await own.InsertBinaryAsync("t", ["id"], [[1u]]);
        (await other.ExecuteScalarAsync("SELECT count() FROM t")).Should().Be(1ul);
        (await curl.GetStringAsync(new Uri($"?database={database}&query=WITH%201%20AS%20x%20SELECT%20count()%20FROM%20t", UriKind.Relative))).Should().Be("1\n");
        endpoint.OthersHaveWritten.Should().BeFalse();

        await other.InsertBinaryAsync("t", ["id"], [[2u]]);

        endpoint.OthersHaveWritten.Should().BeTrue();
    }

    [Fact]
    public async Task A_write_without_credentials_counts_as_another_writer()
    {
        await using var endpoint = await ClickHouseHttpEndpoint.StartAsync(fixture.Engine);
        var database = fixture.CreateDatabase("anonymous");
        using var curl = new HttpClient { BaseAddress = endpoint.BaseAddress };

        using var created = await curl.PostAsync(new Uri($"?database={database}", UriKind.Relative), new StringContent("CREATE TABLE t (id UInt32) ENGINE = Memory"));

        created.EnsureSuccessStatusCode();
        endpoint.OthersHaveWritten.Should().BeTrue();
    }
}
