using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using GovPulse.EndToEnd.Tests.Fixtures;
using GovPulse.Indicators.Catalog;
using GovPulse.Indicators.Units;
using GovPulse.Ingest.Simulation;
using Xunit.Abstractions;

namespace GovPulse.EndToEnd.Tests;

/// <summary>
/// Issue #5: "A 100,000-event generated stream delivered shuffled with 20% duplicates, across
/// several batches and a node restart, gives scorecards identical to in-order delivery; the
/// response counts add up." One node gets the stream in order, another (its own data directory)
/// gets it shuffled with repeats and is killed (SIGKILL) and restarted half-way; then every unit's
/// scorecard of the covered periods is compared.
/// </summary>
public sealed class ShuffledDeliveryTests(ITestOutputHelper output) : IAsyncLifetime
{
    // Past working days, so the evaluation time (the end of each period) does not move between readings.
    private static readonly DateTimeOffset Start = new(2026, 10, 13, 0, 0, 0, TimeSpan.FromHours(7));
    private static readonly string[] Periods = ["2026-10", "2026-10-13..2026-10-14"];
    private const int Events = 100_000;
    private const int Repeats = Events / 5;
    private const int BatchSize = 10_000;
    private readonly string _inOrderDirectory = TempDirectory.NewPath("in-order");
    private readonly string _shuffledDirectory = TempDirectory.NewPath("shuffled");

    [Fact]
    public async Task A_100k_stream_shuffled_with_20_percent_duplicates_across_a_restart_gives_the_scorecards_of_in_order_delivery()
    {
        var clock = Stopwatch.StartNew();
        var lines = new CitySimulator(new TrafficProfile(UnitDirectory.HoChiMinhCity, 7), ProcedureCatalog.Reference, 7, Start)
            .Advance(Start.AddDays(2))
            .Take(Events)
            .Select(EventPoster.Line)
            .ToArray();
        lines.Should().HaveCount(Events).And.OnlyHaveUniqueItems();
        var delivery = ShuffledWithRepeats(lines, new Random(766));

        Dictionary<string, string> inOrder;
        await using (var node = await StartAsync(_inOrderDirectory))
        {
            using var client = node.CreateClient(NodeFixture.ApiKey);
            var sent = await DeliverAsync(client, lines.Chunk(BatchSize));
            sent.Should().Be(new Totals(Events, 0, 0));
            inOrder = await AllScorecards(client);
        }

        output.WriteLine($"in order: {clock.Elapsed.TotalSeconds:F1} s");
        var batches = delivery.Chunk(BatchSize).ToArray();
        var beforeRestart = batches.Length / 2;
        Totals first, second;
        await using (var node = await StartAsync(_shuffledDirectory))
        {
            using var client = node.CreateClient(NodeFixture.ApiKey);
            first = await DeliverAsync(client, batches.Take(beforeRestart));
            await node.KillAsync();
        }

        Dictionary<string, string> shuffled;
        await using (var node = await StartAsync(_shuffledDirectory))
        {
            using var client = node.CreateClient(NodeFixture.ApiKey);
            second = await DeliverAsync(client, batches.Skip(beforeRestart));
            shuffled = await AllScorecards(client);
        }

        output.WriteLine($"shuffled with a restart: {clock.Elapsed.TotalSeconds:F1} s in all");
        var sentBefore = delivery.Take(beforeRestart * BatchSize).ToHashSet();
        var repeatedAcrossRestart = delivery.Skip(beforeRestart * BatchSize).Count(sentBefore.Contains);
        (first + second).Should().Be(new Totals(Events, Repeats, 0));
        second.Duplicates.Should().BeGreaterThanOrEqualTo(repeatedAcrossRestart).And.BeGreaterThan(1000, "many repeats come after the restart");
        shuffled.Keys.Should().BeEquivalentTo(inOrder.Keys);
        inOrder.Where(s => shuffled[s.Key] != s.Value).Select(s => s.Key).Should().BeEmpty("every scorecard equals the in-order one");
        JsonDocument.Parse(inOrder["79|2026-10"]).RootElement.GetProperty("counts").GetProperty("received").GetInt64().Should().BeGreaterThan(20_000);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        TempDirectory.DeleteQuietly(_inOrderDirectory, _shuffledDirectory);

        return Task.CompletedTask;
    }

    /// <summary>The lines plus a fifth of them a second time, all in a random order.</summary>
    private static string[] ShuffledWithRepeats(string[] lines, Random random)
    {
        var repeated = lines.ToArray();
        random.Shuffle(repeated);
        var delivery = lines.Concat(repeated.Take(Repeats)).ToArray();
        random.Shuffle(delivery);
        return delivery;
    }

    private static async Task<Totals> DeliverAsync(HttpClient client, IEnumerable<string[]> batches)
    {
        var totals = new Totals(0, 0, 0);
        foreach (var batch in batches)
        {
            var result = await EventPoster.PostAsync(client, batch);
            totals += new Totals(result.Accepted, result.Duplicates, result.Rejected.Count);
        }

        return totals;
    }

    /// <summary>Every unit's scorecard (the city's too) for every covered period, as the API writes it, keyed "unit|period".</summary>
    private static async Task<Dictionary<string, string>> AllScorecards(HttpClient client)
    {
        var scorecards = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var period in Periods)
        {
            foreach (var unit in UnitDirectory.HoChiMinhCity.All)
            {
                var json = await client.GetFromJsonAsync<JsonElement>($"/api/v1/units/{unit.Code}/indicators?period={period}");
                scorecards[$"{unit.Code}|{period}"] = json.GetRawText();
            }
        }

        return scorecards;
    }

    private static Task<NodeProcess> StartAsync(string dataDirectory) =>
        NodeProcess.StartAsync(dataDirectory, NodeFixture.ApiKey, "--GovPulse:Hourly:Enabled=false");


    private sealed record Totals(int Accepted, int Duplicates, int Rejected)
    {
        public static Totals operator +(Totals a, Totals b) => new(a.Accepted + b.Accepted, a.Duplicates + b.Duplicates, a.Rejected + b.Rejected);
    }
}
