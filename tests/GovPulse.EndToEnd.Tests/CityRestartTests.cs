using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using GovPulse.EndToEnd.Tests.Fixtures;
using GovPulse.Indicators.Catalog;
using GovPulse.Indicators.Units;
using GovPulse.Ingest.Simulation;
using GovPulse.Ingest.Wire;
using Xunit.Abstractions;

namespace GovPulse.EndToEnd.Tests;

/// <summary>
/// The whole city survives a crash: a simulated working day for all 185 units goes in, the node
/// is killed with SIGKILL, and after a restart every unit's scorecard (and the city's) is the same.
/// </summary>
public sealed class CityRestartTests(ITestOutputHelper output) : IAsyncLifetime
{
    // A past working day, so the evaluation time (the end of the period) does not move between readings.
    private static readonly DateTimeOffset Day = new(2026, 10, 14, 0, 0, 0, TimeSpan.FromHours(7));
    private const string Period = "2026-10";
    private readonly string _dataDirectory = TempDirectory.NewPath("city");

    [Fact]
    public async Task Every_units_scorecard_is_identical_after_a_kill_9_and_restart()
    {
        var events = new CitySimulator(new TrafficProfile(UnitDirectory.HoChiMinhCity, 7), ProcedureCatalog.Reference, 7, Day)
            .Advance(Day.AddDays(1));
        Dictionary<string, string> before;
        await using (var first = await NodeProcess.StartAsync(_dataDirectory, NodeFixture.ApiKey))
        {
            using var client = first.CreateClient(NodeFixture.ApiKey);
            var accepted = 0;
            foreach (var chunk in events.Chunk(10_000))
            {
                var body = string.Join('\n', chunk.Select(e => JsonSerializer.Serialize(e, WireJson.Options)));
                var result = await (await client.PostAsync(new Uri("/api/v1/events", UriKind.Relative), Ndjson.Body(body))).Content.ReadFromJsonAsync<IngestResponse>();
                result!.Rejected.Should().BeEmpty();
                accepted += result.Accepted;
            }

            accepted.Should().Be(events.Count);
            before = await AllScorecards(client);
            await first.KillAsync();
        }

        var clock = Stopwatch.StartNew();
        await using var second = await NodeProcess.StartAsync(_dataDirectory, NodeFixture.ApiKey);
        using var after = second.CreateClient(NodeFixture.ApiKey);
        var afterScorecards = await AllScorecards(after);
        output.WriteLine($"{events.Count:N0} events; restart to ready and all 186 scorecards read in {clock.Elapsed.TotalSeconds:F1} s");

        afterScorecards.Should().HaveCount(186);
        afterScorecards.Should().Equal(before);
        JsonDocument.Parse(before["79"]).RootElement.GetProperty("counts").GetProperty("received").GetInt64().Should().BeGreaterThan(15_000);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        TempDirectory.DeleteQuietly(_dataDirectory);

        return Task.CompletedTask;
    }

    private static async Task<Dictionary<string, string>> AllScorecards(HttpClient client)
    {
        var scorecards = new Dictionary<string, string>();
        foreach (var unit in UnitDirectory.HoChiMinhCity.All)
        {
            var json = await client.GetFromJsonAsync<JsonElement>($"/api/v1/units/{unit.Code}/indicators?period={Period}");
            scorecards[unit.Code] = json.GetRawText();
        }

        return scorecards;
    }
}
