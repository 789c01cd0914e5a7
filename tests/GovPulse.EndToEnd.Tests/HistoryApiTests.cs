using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GovPulse.EndToEnd.Tests.Fixtures;

namespace GovPulse.EndToEnd.Tests;

/// <summary>
/// The hourly history through the real node: events are stored while the hourly job is off, then
/// the node restarts with the job firing every second (<c>--GovPulse:Hourly:Cron</c>), publishes
/// the current hour, and <c>GET /units/{code}/history</c> returns what it published, in local time.
/// </summary>
public sealed class HistoryApiTests(HistoryNodeFixture fixture) : IClassFixture<HistoryNodeFixture>
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    [Fact]
    public async Task The_history_returns_the_published_hour_in_local_time()
    {
        using var client = fixture.Node.CreateClient(NodeFixture.ApiKey);
        var rows = await History(client, HistoryNodeFixture.Unit);
        var live = await client.GetFromJsonAsync<JsonElement>($"/api/v1/units/{HistoryNodeFixture.Unit}/indicators");

        var row = rows[^1];
        var atText = row.GetProperty("at").GetString()!;
        var at = DateTimeOffset.Parse(atText, CultureInfo.InvariantCulture);
        atText.Should().EndWith("+07:00").And.MatchRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:00:00\+07:00$");
        at.Should().BeOnOrAfter(StartOfLocalHour(fixture.PublishedBy).AddHours(-1)).And.BeOnOrBefore(DateTimeOffset.UtcNow);
        row.GetProperty("late").GetBoolean().Should().BeFalse();
        row.GetProperty("period").GetString().Should().Be(Ndjson.MonthOf(at));

        // Nothing happened since: the published figures are the live ones.
        row.GetProperty("total").GetDecimal().Should().Be(live.GetProperty("total").GetDecimal());
        row.GetProperty("band").GetString().Should().Be(live.GetProperty("band").GetString());
        foreach (var group in live.GetProperty("groups").EnumerateArray())
        {
            row.GetProperty("groups").GetProperty(group.GetProperty("code").GetString()!).GetDecimal()
                .Should().Be(group.GetProperty("score").GetDecimal());
        }

        row.GetProperty("counts").GetProperty("received").GetInt64().Should().Be(2);
        row.GetProperty("counts").GetProperty("finished").GetInt64().Should().Be(1);
        row.GetProperty("counts").GetProperty("finishedOnTime").GetInt64().Should().Be(1);
        row.GetProperty("counts").GetProperty("inProgressOnTime").GetInt64().Should().Be(1);
    }

    [Fact]
    public async Task Dates_and_times_with_offset_select_the_range()
    {
        using var client = fixture.Node.CreateClient(NodeFixture.ApiKey);
        var at = DateTimeOffset.Parse((await History(client, HistoryNodeFixture.Unit))[^1].GetProperty("at").GetString()!, CultureInfo.InvariantCulture);
        var day = at.ToOffset(Vietnam).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var exact = at.ToOffset(Vietnam).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);

        var byDay = await History(client, HistoryNodeFixture.Unit, $"from={day}&to={day}");
        var encoded = await History(client, HistoryNodeFixture.Unit, $"from={exact}%2B07:00&to={exact}%2B07:00");
        var plainPlus = await History(client, HistoryNodeFixture.Unit, $"from={exact}+07:00&to={exact}+07:00");
        var inUtc = await History(client, HistoryNodeFixture.Unit, $"from={at.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss}Z&to={at.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss}Z");
        var before = await History(client, HistoryNodeFixture.Unit, $"from={at.AddHours(-3):yyyy-MM-dd'T'HH:mm:sszzz}&to={at.AddSeconds(-1):yyyy-MM-dd'T'HH:mm:sszzz}".Replace("+", "%2B", StringComparison.Ordinal));

        byDay.Select(r => r.GetProperty("at").GetString()).Should().Contain(at.ToOffset(Vietnam).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));
        encoded.Should().ContainSingle();
        plainPlus.Should().ContainSingle();
        inUtc.Should().ContainSingle().Which.GetProperty("at").GetString().Should().EndWith("+07:00");
        before.Should().NotContain(r => DateTimeOffset.Parse(r.GetProperty("at").GetString()!, CultureInfo.InvariantCulture) >= at);
    }

    [Fact]
    public async Task Day_and_month_granularity_give_the_last_snapshot_of_each()
    {
        using var client = fixture.Node.CreateClient(NodeFixture.ApiKey);
        var hours = await History(client, HistoryNodeFixture.Unit);

        var days = await History(client, HistoryNodeFixture.Unit, "granularity=day");
        var months = await History(client, HistoryNodeFixture.Unit, "granularity=month");

        days[^1].GetProperty("at").GetString().Should().Be(hours[^1].GetProperty("at").GetString());
        months[^1].GetProperty("at").GetString().Should().Be(hours[^1].GetProperty("at").GetString());
        days.Select(d => d.GetProperty("at").GetString()![..10]).Should().OnlyHaveUniqueItems();
        months.Select(d => d.GetProperty("at").GetString()![..7]).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public async Task Every_unit_is_in_the_published_hour_including_the_city()
    {
        using var client = fixture.Node.CreateClient(NodeFixture.ApiKey);

        var city = await History(client, "79");
        var otherCommune = await History(client, "26740");

        city[^1].GetProperty("counts").GetProperty("received").GetInt64().Should().BeGreaterThanOrEqualTo(2);
        otherCommune[^1].GetProperty("at").GetString().Should().Be(city[^1].GetProperty("at").GetString());
    }

    [Theory]
    [InlineData("99999", "", HttpStatusCode.NotFound, "unit '99999' is not a known unit")]
    [InlineData("26737", "granularity=week", HttpStatusCode.BadRequest, "granularity 'week' is not one of hour, day, month")]
    [InlineData("26737", "from=2026-11-23T10:00:00", HttpStatusCode.BadRequest, "from '2026-11-23T10:00:00' is not a date (yyyy-MM-dd, a local day) or an ISO 8601 time with offset")]
    [InlineData("26737", "to=23/11/2026", HttpStatusCode.BadRequest, "to '23/11/2026' is not a date")]
    [InlineData("26737", "from=2026-11-24&to=2026-11-23", HttpStatusCode.BadRequest, "from (2026-11-24T00:00:00+07:00) is after to (2026-11-23T23:59:59+07:00)")]
    [InlineData("26737", "from=2020-01-01&to=2026-01-01", HttpStatusCode.BadRequest, "at most 2000 rows per request")]
    public async Task Bad_requests_are_refused_with_the_reason(string unit, string query, HttpStatusCode status, string reason)
    {
        using var client = fixture.Node.CreateClient(NodeFixture.ApiKey);

        using var response = await client.GetAsync(new Uri($"/api/v1/units/{unit}/history?{query}", UriKind.Relative));

        response.StatusCode.Should().Be(status);
        (await response.Content.ReadAsStringAsync()).Should().Contain(reason);
    }

    [Fact]
    public async Task Rankings_say_whether_they_come_from_history_or_live_grains()
    {
        using var client = fixture.Node.CreateClient(NodeFixture.ApiKey);

        using var current = await client.GetAsync(new Uri($"/api/v1/rankings?period={Ndjson.MonthOf(DateTimeOffset.UtcNow)}", UriKind.Relative));
        using var endedWithoutHistory = await client.GetAsync(new Uri("/api/v1/rankings?period=2025-01", UriKind.Relative));

        current.Headers.GetValues("X-GovPulse-Source").Should().Equal("live");
        endedWithoutHistory.Headers.GetValues("X-GovPulse-Source").Should().Equal("live");
        endedWithoutHistory.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    private static async Task<List<JsonElement>> History(HttpClient client, string unit, string query = "")
    {
        using var response = await client.GetAsync(new Uri($"/api/v1/units/{unit}/history?{query}", UriKind.Relative));
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().ToList();
    }

    internal static DateTimeOffset StartOfLocalHour(DateTimeOffset instant)
    {
        var local = instant.ToOffset(Vietnam);
        return new DateTimeOffset(local.Year, local.Month, local.Day, local.Hour, 0, 0, Vietnam);
    }
}

/// <summary>
/// A node that has published its current hour: started once with the hourly job off to take
/// events, then again on the same data with the job firing every second.
/// </summary>
public sealed class HistoryNodeFixture : IAsyncLifetime
{
    public const string Unit = "26737"; // Phường Tân Định

    public string DataDirectory { get; } = TempDirectory.NewPath("history");

    public NodeProcess Node { get; private set; } = null!;

    /// <summary>When the test saw the hour published.</summary>
    public DateTimeOffset PublishedBy { get; private set; }

    public async Task InitializeAsync()
    {
        // Before the top of the current hour: an hour's figures are judged at its top, so events later
        // in the hour belong to the next one.
        var topOfHour = HistoryApiTests.StartOfLocalHour(DateTimeOffset.UtcNow);
        await using (var first = await NodeProcess.StartAsync(DataDirectory, NodeFixture.ApiKey, "--GovPulse:Hourly:Enabled=false"))
        {
            using var client = first.CreateClient(NodeFixture.ApiKey);
            var body = Ndjson.Body(
                Ndjson.Received(Unit, "history-1", topOfHour.AddMinutes(-10)),
                Ndjson.Completed(Unit, "history-1", topOfHour.AddMinutes(-5)),
                Ndjson.Received(Unit, "history-2", topOfHour.AddMinutes(-3)));
            var ack = await (await client.PostAsync(new Uri("/api/v1/events", UriKind.Relative), body)).Content.ReadFromJsonAsync<IngestResponse>();
            ack!.Accepted.Should().Be(3);
            var before = await client.GetFromJsonAsync<JsonElement>($"/api/v1/units/{Unit}/history");
            before.GetArrayLength().Should().Be(0, "the hourly job is off on this run");
            await first.StopAsync();
        }

        Node = await NodeProcess.StartAsync(DataDirectory, NodeFixture.ApiKey, "--GovPulse:Hourly:Cron=* * * * * ?");
        using var reader = Node.CreateClient(NodeFixture.ApiKey);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((await reader.GetFromJsonAsync<JsonElement>($"/api/v1/units/{Unit}/history")).GetArrayLength() == 0)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The node published no hour within 60 s:\n{Node.Output}");
            }

            await Task.Delay(250);
        }

        PublishedBy = DateTimeOffset.UtcNow;
    }

    public async Task DisposeAsync()
    {
        if (Node is not null)
        {
            await Node.DisposeAsync();
        }

        TempDirectory.DeleteQuietly(DataDirectory);
    }
}
