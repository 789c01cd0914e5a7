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
        await using var endpoint = await ClickHouseHttpEndpoint.StartAsync(fixture.Engine, new ClickHouseHttpEndpointOptions { SharedPassword = EmbeddedClickHouseFixture.SharedPassword });
        var database = fixture.CreateDatabase("writers");
        using var own = new ClickHouseClient(endpoint.ConnectionStringFor(database));
        using var other = new ClickHouseClient(EmbeddedClickHouseFixture.SharedConnectionString(endpoint, database));
        using var curl = fixture.CreateHttpClient(endpoint);

        await own.ExecuteNonQueryAsync("CREATE TABLE t (id UInt32) ENGINE = MergeTree ORDER BY id");
        await own.InsertBinaryAsync("t", ["id"], [[1u]]);
        (await other.ExecuteScalarAsync("SELECT count() FROM t")).Should().Be(1ul);
        (await curl.GetStringAsync(new Uri($"?database={database}&query=WITH%201%20AS%20x%20SELECT%20count()%20FROM%20t", UriKind.Relative))).Should().Be("1\n");
        endpoint.OthersHaveWritten.Should().BeFalse();

        await other.InsertBinaryAsync("t", ["id"], [[2u]]);

        endpoint.OthersHaveWritten.Should().BeTrue();
    }

    [Fact]
    public async Task A_write_without_credentials_is_refused_and_a_write_with_the_shared_password_counts_as_another_writer()
    {
        await using var endpoint = await ClickHouseHttpEndpoint.StartAsync(fixture.Engine, new ClickHouseHttpEndpointOptions { SharedPassword = EmbeddedClickHouseFixture.SharedPassword });
        var database = fixture.CreateDatabase("anonymous");
        using var anonymous = new HttpClient { BaseAddress = endpoint.BaseAddress };
        using var shared = fixture.CreateHttpClient(endpoint);

        using var refused = await anonymous.PostAsync(new Uri($"?database={database}", UriKind.Relative), new StringContent("CREATE TABLE t (id UInt32) ENGINE = Memory"));
        endpoint.OthersHaveWritten.Should().BeFalse();
        using var created = await shared.PostAsync(new Uri($"?database={database}", UriKind.Relative), new StringContent("CREATE TABLE t (id UInt32) ENGINE = Memory"));

        refused.StatusCode.Should().Be(System.Net.HttpStatusCode.Forbidden);
        created.EnsureSuccessStatusCode();
        endpoint.OthersHaveWritten.Should().BeTrue();
    }

    [Fact]
    public async Task The_nodes_own_user_name_with_a_wrong_password_is_refused()
    {
        await using var endpoint = await ClickHouseHttpEndpoint.StartAsync(fixture.Engine);
        var database = fixture.CreateDatabase("impostor");
        var ownUser = System.Text.RegularExpressions.Regex.Match(endpoint.ConnectionStringFor(database), "Username=([^;]+)").Groups[1].Value;
        using var impostor = new ClickHouseClient($"Host={endpoint.BaseAddress.Host};Port={endpoint.Port};Protocol=http;Database={database};Username={ownUser};Password=guess");

        var act = async () => await impostor.ExecuteNonQueryAsync("CREATE TABLE t (id UInt32) ENGINE = Memory");

        (await act.Should().ThrowAsync<ClickHouseServerException>()).Which.ErrorCode.Should().Be(516);
        endpoint.OthersHaveWritten.Should().BeFalse();
    }
}
