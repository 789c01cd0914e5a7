using System.Net.Http.Json;
using GovPulse.EndToEnd.Tests.Fixtures;

namespace GovPulse.EndToEnd.Tests;

/// <summary>
/// At-least-once delivery (api-v1 §1): the same event id is counted once in any batch, across a
/// kill -9 and restart, and across nodes sharing one ClickHouse; an id reused for a different
/// event is refused on its line, however late it comes.
/// </summary>
public sealed class IdempotencyTests : IAsyncLifetime
{
    private const string Unit = "27259";
    private readonly string _dataDirectory = TempDirectory.NewPath("idem");
    private readonly string _otherDirectory = TempDirectory.NewPath("idem-b");
    private readonly DateTimeOffset _now = DateTimeOffset.UtcNow.AddMinutes(-5);

    [Fact]
    public async Task The_same_event_in_two_batches_and_across_a_restart_is_counted_once()
    {
        var a = Ndjson.Received(Unit, "idem-a", _now);
        var b = Ndjson.Received(Unit, "idem-b", _now);
        var c = Ndjson.Received(Unit, "idem-c", _now);
        var d = Ndjson.Received(Unit, "idem-d", _now);
        var e = Ndjson.Received(Unit, "idem-e", _now);
        IngestResponse first, second;
        await using (var node = await NodeProcess.StartAsync(_dataDirectory, NodeFixture.ApiKey))
        {
            using var client = node.CreateClient(NodeFixture.ApiKey);
            first = await EventPoster.PostAsync(client, [a, b, c]);
            second = await EventPoster.PostAsync(client, [b, c, d, d]);
            await node.KillAsync();
        }

        await using var restarted = await NodeProcess.StartAsync(_dataDirectory, NodeFixture.ApiKey);
        using var after = restarted.CreateClient(NodeFixture.ApiKey);
        var third = await EventPoster.PostAsync(after, [a, d, e, "{\"eventId\":\"idem-bad\"}", a]);
        var reused = await EventPoster.PostAsync(after, [a.Replace("\"channel\":\"online\"", "\"channel\":\"direct\"", StringComparison.Ordinal)]);
        var scorecard = await after.GetFromJsonAsync<ScorecardResponse>($"/api/v1/units/{Unit}/indicators?period={Ndjson.MonthOf(_now)}");

        first.Should().BeEquivalentTo(new { Accepted = 3, Duplicates = 0 });
        second.Should().BeEquivalentTo(new { Accepted = 1, Duplicates = 3 });
        third.Should().BeEquivalentTo(new { Accepted = 1, Duplicates = 3 });
        third.Rejected.Should().ContainSingle().Which.Line.Should().Be(4);
        reused.Accepted.Should().Be(0);
        reused.Rejected.Should().ContainSingle().Which.Error.Should().Be(
            "line 1: eventId 'idem-a-r' was already stored with different content (channel); send a new eventId for a new event");
        await restarted.WaitForOutputAsync("Refused event idem-a-r for unit 27259: its id was already stored with different content (channel)", TimeSpan.FromSeconds(10));
        scorecard!.Counts.Received.Should().Be(5);
    }

    [Fact]
    public async Task Nodes_sharing_one_ClickHouse_count_an_event_once_and_refuse_its_id_with_other_content()
    {
        var a = Ndjson.Received(Unit, "idem-node-a", _now);
        var b = Ndjson.Received(Unit, "idem-node-b", _now);
        var c = Ndjson.Received(Unit, "idem-node-c", _now);
        // The first node shares its embedded engine on purpose: the second signs in with its password.
        await using var first = await NodeProcess.StartAsync(_dataDirectory, NodeFixture.ApiKey, $"--GovPulse:ClickHouse:EmbeddedPassword={NodeFixture.SharedEnginePassword}");
        await using var second = await NodeProcess.StartAsync(_otherDirectory, NodeFixture.ApiKey,
            $"--GovPulse:ClickHouse:ConnectionString={EventPoster.EmbeddedClickHouseConnectionString(first, NodeFixture.SharedEnginePassword)}");
        using var one = first.CreateClient(NodeFixture.ApiKey);
        using var two = second.CreateClient(NodeFixture.ApiKey);

        var onFirst = await EventPoster.PostAsync(one, [a, b]);
        var onSecond = await EventPoster.PostAsync(two, [b, c, a, b.Replace("\"fee\":0", "\"fee\":20000", StringComparison.Ordinal)]);
        var backOnFirst = await EventPoster.PostAsync(one, [c]);

        onFirst.Accepted.Should().Be(2);
        onSecond.Should().BeEquivalentTo(new { Accepted = 1, Duplicates = 2 });
        onSecond.Rejected.Should().ContainSingle().Which.Error.Should().StartWith("line 4: eventId 'idem-node-b-r' is already used by line 1");
        backOnFirst.Should().BeEquivalentTo(new { Accepted = 0, Duplicates = 1 });
        (await EventPoster.PostAsync(two, [a.Replace("\"fee\":0", "\"fee\":20000", StringComparison.Ordinal)])).Rejected
            .Should().ContainSingle().Which.Error.Should().Be(
                "line 1: eventId 'idem-node-a-r' was already stored with different content (fee); send a new eventId for a new event");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        TempDirectory.DeleteQuietly(_dataDirectory, _otherDirectory);

        return Task.CompletedTask;
    }

}
