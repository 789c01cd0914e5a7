using System.Net.Http.Json;
using GovPulse.EndToEnd.Tests.Fixtures;

namespace GovPulse.EndToEnd.Tests;

public sealed class RestartTests : IAsyncLifetime
{
    private readonly string _dataDirectory = TempDirectory.NewPath("restart");

    [Fact]
    public async Task A_node_stopped_with_SIGTERM_exits_cleanly_and_restarts_from_its_shutdown_snapshots_with_the_same_figures()
    {
        var now = DateTimeOffset.UtcNow.AddSeconds(-1);
        var period = Ndjson.MonthOf(now);
        string[] snapshotsOnStop = ["--GovPulse:Snapshots:MinEvents=1"];
        ScorecardResponse before;
        int exitCode;
        await using (var first = await NodeProcess.StartAsync(_dataDirectory, NodeFixture.ApiKey, snapshotsOnStop))
        {
            using var client = first.CreateClient(NodeFixture.ApiKey);
            var lines = Enumerable.Range(1, 20).Select(i => Ndjson.Received("27154", $"stop-{i}", now.AddMinutes(-i)))
                .Concat(Enumerable.Range(1, 5).Select(i => Ndjson.Completed("27154", $"stop-{i}", now)))
                .ToArray();
            (await client.PostAsync(new Uri("/api/v1/events", UriKind.Relative), Ndjson.Body(lines))).EnsureSuccessStatusCode();
            before = (await client.GetFromJsonAsync<ScorecardResponse>($"/api/v1/units/27154/indicators?period={period}"))!;
            exitCode = await first.StopAsync();
        }

        await using var second = await NodeProcess.StartAsync(_dataDirectory, NodeFixture.ApiKey, snapshotsOnStop);
        using var after = second.CreateClient(NodeFixture.ApiKey);
        var unitAfter = await after.GetFromJsonAsync<ScorecardResponse>($"/api/v1/units/27154/indicators?period={period}");

        exitCode.Should().Be(0, "chDB is stopped before the process exits (its exit handlers crash on a running engine)");
        before.Counts.Should().Be(new CountsResponse(20, 5));
        unitAfter!.Counts.Should().Be(before.Counts);
        second.Output.Should().MatchRegex(@"Read ahead what \d+ units need to start in \d+ ms: [1-9]\d* live segments", "the restart read every unit's start in a few queries");
    }

    [Fact]
    public async Task Acknowledged_events_survive_a_kill_9_and_the_figures_are_unchanged_after_restart()
    {
        var now = DateTimeOffset.UtcNow.AddSeconds(-1);
        var period = Ndjson.MonthOf(now);
        ScorecardResponse unitBefore, cityBefore;
        await using (var first = await NodeProcess.StartAsync(_dataDirectory, NodeFixture.ApiKey))
        {
            using var client = first.CreateClient(NodeFixture.ApiKey);
            var lines = Enumerable.Range(1, 30).Select(i => Ndjson.Received("27154", $"restart-{i}", now.AddMinutes(-i)))
                .Concat(Enumerable.Range(1, 10).Select(i => Ndjson.Completed("27154", $"restart-{i}", now)))
                .Append(Ndjson.Received("so-y-te", "restart-dept-1", now))
                .ToArray();
            var ack = await (await client.PostAsync(new Uri("/api/v1/events", UriKind.Relative), Ndjson.Body(lines))).Content.ReadFromJsonAsync<IngestResponse>();
            ack!.Accepted.Should().Be(41);
            unitBefore = (await client.GetFromJsonAsync<ScorecardResponse>($"/api/v1/units/27154/indicators?period={period}"))!;
            cityBefore = (await client.GetFromJsonAsync<ScorecardResponse>($"/api/v1/units/79/indicators?period={period}"))!;
            await first.KillAsync();
        }

        await using var second = await NodeProcess.StartAsync(_dataDirectory, NodeFixture.ApiKey);
        using var after = second.CreateClient(NodeFixture.ApiKey);
        var unitAfter = await after.GetFromJsonAsync<ScorecardResponse>($"/api/v1/units/27154/indicators?period={period}");
        var cityAfter = await after.GetFromJsonAsync<ScorecardResponse>($"/api/v1/units/79/indicators?period={period}");

        unitBefore.Counts.Should().Be(new CountsResponse(30, 10));
        cityBefore.Counts.Should().Be(new CountsResponse(31, 10));
        unitAfter!.Counts.Should().Be(unitBefore.Counts);
        cityAfter!.Counts.Should().Be(cityBefore.Counts);
        second.Output.Should().MatchRegex(@"Read ahead what \d+ units need to start in \d+ ms: \d+ live segments, \d+ sealed months, 41 events after them", "no segment was saved before the kill, so every stored event was read ahead");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        TempDirectory.DeleteQuietly(_dataDirectory);

        return Task.CompletedTask;
    }
}
