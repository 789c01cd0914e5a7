using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using GovPulse.EndToEnd.Tests.Fixtures;

namespace GovPulse.EndToEnd.Tests;

/// <summary>Keys live in ClickHouse: a key created or revoked on one node takes effect on the others within their refresh interval.</summary>
public sealed class ApiKeysAcrossNodesTests : IAsyncLifetime
{
    private static readonly Uri Keys = new("/api/v1/admin/keys", UriKind.Relative);
    private static readonly TimeSpan Refresh = TimeSpan.FromSeconds(1);
    private static readonly string[] TanDinh = ["26737"];

    private readonly string _firstDirectory = TempDirectory.NewPath("keys-a");
    private readonly string _secondDirectory = TempDirectory.NewPath("keys-b");
    private readonly DateTimeOffset _now = DateTimeOffset.UtcNow.AddSeconds(-1);
    private int _posts;

    [Fact]
    public async Task A_key_created_and_revoked_on_one_node_works_and_stops_on_the_other_within_its_refresh_interval()
    {
        await using var first = await NodeProcess.StartAsync(_firstDirectory, NodeFixture.ApiKey, $"--GovPulse:ClickHouse:EmbeddedPassword={NodeFixture.SharedEnginePassword}");
        await using var second = await NodeProcess.StartAsync(_secondDirectory, NodeFixture.ApiKey,
            $"--GovPulse:ClickHouse:ConnectionString={EventPoster.EmbeddedClickHouseConnectionString(first, NodeFixture.SharedEnginePassword)}",
            $"--GovPulse:Ingest:KeyRefreshInterval={Refresh:c}");
        using var admin = first.CreateClient(NodeFixture.ApiKey);
        using var created = await admin.PostAsJsonAsync(Keys, new { name = "Across nodes", units = TanDinh });
        var key = (await created.Content.ReadFromJsonAsync<CreatedKey>())!;
        using var onFirst = first.CreateClient(key.Key);
        using var onSecond = second.CreateClient(key.Key);

        var known = await TimeUntilAsync(onSecond, HttpStatusCode.OK);
        (await admin.DeleteAsync(new Uri($"{Keys}/{key.Id}", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.NoContent);
        var refusedOnFirst = await PostAsync(onFirst);
        var forgotten = await TimeUntilAsync(onSecond, HttpStatusCode.Unauthorized);

        created.StatusCode.Should().Be(HttpStatusCode.Created);
        known.Should().BeLessThan(TimeSpan.FromSeconds(10));
        refusedOnFirst.Should().Be(HttpStatusCode.Unauthorized, "the node that revoked the key refuses it at once");
        forgotten.Should().BeLessThan(TimeSpan.FromSeconds(10), "the other node reloads the keys every second");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        TempDirectory.DeleteQuietly(_firstDirectory, _secondDirectory);

        return Task.CompletedTask;
    }

    /// <summary>
    /// How long until the node answers an ingest request with <paramref name="status"/>. A node shows
    /// its reload of the keys only through its answers, so this asks again every 100 ms, for at most 10 s.
    /// </summary>
    private async Task<TimeSpan> TimeUntilAsync(HttpClient client, HttpStatusCode status)
    {
        var clock = Stopwatch.StartNew();
        HttpStatusCode last;
        while ((last = await PostAsync(client)) != status)
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(10))
            {
                throw new TimeoutException($"The node still answered {last}, not {status}, after {clock.Elapsed}.");
            }

            await Task.Delay(100);
        }

        return clock.Elapsed;
    }

    private async Task<HttpStatusCode> PostAsync(HttpClient client)
    {
        using var response = await client.PostAsync(EventPoster.Events, Ndjson.Body(Ndjson.Received("26737", $"keys-nodes-{Interlocked.Increment(ref _posts)}", _now)));
        return response.StatusCode;
    }


    private sealed record CreatedKey(string Id, string Key);
}
