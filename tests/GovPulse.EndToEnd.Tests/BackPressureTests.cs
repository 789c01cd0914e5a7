using System.Net.Http.Json;
using GovPulse.EndToEnd.Tests.Fixtures;

namespace GovPulse.EndToEnd.Tests;

/// <summary>
/// Under overload a node answers 503 with Retry-After instead of queueing without bound, and a
/// client that honours it loses nothing. ClickHouse is made slow by the test-only
/// <c>GovPulse:Testing:StoreDelay</c> (a delay before every insert into the real store).
/// </summary>
public sealed class BackPressureTests : IAsyncLifetime
{
    private const string Unit = "27265";
    private const int Posters = 8;
    private const int DossiersEach = 25;
    private readonly string _dataDirectory = TempDirectory.NewPath("pressure");
    private NodeProcess _node = null!;

    [Fact]
    public async Task With_the_store_slowed_concurrent_posters_get_503_and_retrying_clients_store_every_event_once()
    {
        var now = DateTimeOffset.UtcNow.AddMinutes(-5);
        var batches = Enumerable.Range(1, Posters)
            .Select(p => Enumerable.Range(1, DossiersEach).Select(d => Ndjson.Received(Unit, $"pressure-{p}-{d}", now)).ToArray())
            .ToArray();
        using var client = _node.CreateClient(NodeFixture.ApiKey);

        var posts = await Task.WhenAll(batches.Select(b => EventPoster.PostHonouringRetryAfterAsync(client, b, maxAttempts: 30)));
        var again = await EventPoster.PostAsync(client, batches.SelectMany(b => b).ToArray());
        var scorecard = await client.GetFromJsonAsync<ScorecardResponse>($"/api/v1/units/{Unit}/indicators?period={Ndjson.MonthOf(now)}");
        var metrics = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative));

        var refusals = posts.SelectMany(p => p.Refusals).ToList();
        refusals.Should().HaveCountGreaterThanOrEqualTo(Posters - 2, "two batches fit at once and each takes at least 2 s to store");
        refusals.Should().OnlyContain(r => r.RetryAfter == TimeSpan.FromSeconds(1) && r.MediaType == "application/problem+json"
            && r.Problem.Status == 503 && r.Problem.Title == "Node overloaded" && r.Problem.RetryAfter == 1
            && r.Problem.Setting == "GovPulse:Ingest:MaxConcurrentBatches");
        posts.Should().OnlyContain(p => p.Result.Accepted == DossiersEach && p.Result.Duplicates == 0 && p.Result.Rejected.Count == 0,
            "a refused batch was not stored at all, so its retry stores every event once");
        again.Should().BeEquivalentTo(new { Accepted = 0, Duplicates = Posters * DossiersEach });
        scorecard!.Counts.Received.Should().Be(Posters * DossiersEach);
        metrics.Should().Contain("govpulse_ingest_overloaded").And.Contain("reason=\"batches\"");
    }

    public async Task InitializeAsync() => _node = await NodeProcess.StartAsync(_dataDirectory, NodeFixture.ApiKey,
        "--GovPulse:Testing:StoreDelay=00:00:02",
        "--GovPulse:Ingest:MaxConcurrentBatches=2",
        "--GovPulse:Ingest:AdmissionWait=00:00:00",
        "--GovPulse:Ingest:RetryAfter=00:00:01");

    public async Task DisposeAsync()
    {
        await _node.DisposeAsync();
        TempDirectory.DeleteQuietly(_dataDirectory);
    }
}
