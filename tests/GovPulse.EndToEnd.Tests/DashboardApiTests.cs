using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using GovPulse.EndToEnd.Tests.Fixtures;

namespace GovPulse.EndToEnd.Tests;

/// <summary>
/// The read APIs the leaders' dashboard needs, through the real node: the previous-period and city
/// comparison, the movers, the monthly trend, and the server-drawn charts with their text alternative.
/// Phường Tân Định has one dossier last month and two this month.
/// </summary>
public sealed class DashboardApiTests(DashboardNodeFixture fixture) : IClassFixture<DashboardNodeFixture>
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    [Fact]
    public async Task The_comparison_holds_this_period_the_previous_one_and_the_city()
    {
        using var client = fixture.Node.CreateClient(NodeFixture.ApiKey);

        var json = await Get(client, $"/api/v1/units/{DashboardNodeFixture.Unit}/comparison");

        json.GetProperty("period").GetString().Should().Be(fixture.ThisMonth);
        json.GetProperty("previousPeriod").GetString().Should().Be(fixture.LastMonth);
        var current = json.GetProperty("current");
        var previous = json.GetProperty("previous");
        var city = json.GetProperty("city");
        current.GetProperty("counts").GetProperty("received").GetInt64().Should().Be(2);
        previous.GetProperty("counts").GetProperty("received").GetInt64().Should().Be(1);
        previous.GetProperty("period").GetString().Should().Be(fixture.LastMonth);
        city.GetProperty("unitCode").GetString().Should().Be("79");
        json.GetProperty("change").GetProperty("total").GetDecimal()
            .Should().Be(current.GetProperty("total").GetDecimal() - previous.GetProperty("total").GetDecimal());
        json.GetProperty("versusCity").GetProperty("total").GetDecimal()
            .Should().Be(current.GetProperty("total").GetDecimal() - city.GetProperty("total").GetDecimal());
        json.GetProperty("change").GetProperty("groups").GetProperty("PROGRESS").ValueKind.Should().Be(JsonValueKind.Number);
    }

    [Fact]
    public async Task The_city_is_compared_with_its_previous_period_only()
    {
        using var client = fixture.Node.CreateClient(NodeFixture.ApiKey);

        var json = await Get(client, $"/api/v1/units/79/comparison?period={fixture.ThisMonth}");

        json.GetProperty("city").ValueKind.Should().Be(JsonValueKind.Null);
        json.GetProperty("versusCity").ValueKind.Should().Be(JsonValueKind.Null);
        json.GetProperty("current").GetProperty("counts").GetProperty("received").GetInt64().Should().BeGreaterThanOrEqualTo(2);
    }

    [Fact]
    public async Task A_period_without_dossiers_gives_no_change()
    {
        using var client = fixture.Node.CreateClient(NodeFixture.ApiKey);

        var json = await Get(client, $"/api/v1/units/{DashboardNodeFixture.Unit}/comparison?period={fixture.LastMonth}");

        json.GetProperty("change").GetProperty("total").ValueKind.Should().Be(JsonValueKind.Null, "the month before last had no dossier");
    }

    [Fact]
    public async Task Movers_rank_both_periods_like_the_rankings_and_name_who_moved()
    {
        using var client = fixture.Node.CreateClient(NodeFixture.ApiKey);

        var json = await Get(client, "/api/v1/rankings/movers?level=commune&count=3");
        var ranking = (await Get(client, "/api/v1/rankings?level=commune")).EnumerateArray().ToList();

        json.GetProperty("period").GetString().Should().Be(fixture.ThisMonth);
        json.GetProperty("previousPeriod").GetString().Should().Be(fixture.LastMonth);
        var units = json.GetProperty("units").EnumerateArray().ToList();
        units.Should().HaveCount(168);
        units.Select(u => u.GetProperty("unitCode").GetString()).Should().Equal(ranking.Select(r => r.GetProperty("unitCode").GetString()));
        units.Select(u => u.GetProperty("rank").ToString()).Should().Equal(ranking.Select(r => r.GetProperty("rank").ToString()));

        var tanDinh = units.Single(u => u.GetProperty("unitCode").GetString() == DashboardNodeFixture.Unit);
        var change = tanDinh.GetProperty("change").GetDecimal();
        change.Should().Be(tanDinh.GetProperty("total").GetDecimal() - tanDinh.GetProperty("previousTotal").GetDecimal());
        var moved = json.GetProperty(change > 0 ? "risers" : "fallers").EnumerateArray().Select(r => r.GetProperty("unitCode").GetString());
        if (change != 0)
        {
            moved.Should().Contain(DashboardNodeFixture.Unit);
        }

        units.Where(u => u.GetProperty("unitCode").GetString() != DashboardNodeFixture.Unit)
            .Should().OnlyContain(u => u.GetProperty("change").ValueKind == JsonValueKind.Null, "no other commune had dossiers in both months");
    }

    [Fact]
    public async Task Departments_have_movers_too()
    {
        using var client = fixture.Node.CreateClient(NodeFixture.ApiKey);

        var json = await Get(client, $"/api/v1/rankings/movers?level=department&period={fixture.ThisMonth}");

        json.GetProperty("units").GetArrayLength().Should().Be(17);
        json.GetProperty("level").GetString().Should().Be("department");
    }

    [Fact]
    public async Task The_trend_gives_each_month_oldest_first_ending_with_this_one()
    {
        using var client = fixture.Node.CreateClient(NodeFixture.ApiKey);

        var months = (await Get(client, $"/api/v1/units/{DashboardNodeFixture.Unit}/trend?months=3")).EnumerateArray().ToList();

        months.Select(m => m.GetProperty("period").GetString()).Should().EndWith([fixture.LastMonth, fixture.ThisMonth]).And.HaveCount(3);
        months[^1].GetProperty("counts").GetProperty("received").GetInt64().Should().Be(2);
        months[^2].GetProperty("counts").GetProperty("received").GetInt64().Should().Be(1);
        months[^1].GetProperty("source").GetString().Should().Be("live");
        months[^1].GetProperty("groups").GetProperty("PROGRESS").ValueKind.Should().Be(JsonValueKind.Number);
    }

    [Fact]
    public async Task The_trend_chart_is_svg_with_the_trends_figures_in_words()
    {
        using var client = fixture.Node.CreateClient(NodeFixture.ApiKey);
        var months = (await Get(client, $"/api/v1/units/{DashboardNodeFixture.Unit}/trend?months=3")).EnumerateArray().ToList();

        using var response = await client.GetAsync(new Uri($"/api/v1/units/{DashboardNodeFixture.Unit}/charts/trend.svg?months=3&width=360&height=180", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("image/svg+xml");
        response.Headers.CacheControl!.MaxAge.Should().Be(TimeSpan.FromSeconds(60));
        response.Headers.ETag.Should().NotBeNull();
        var svg = XDocument.Parse(await response.Content.ReadAsStringAsync());
        XNamespace ns = "http://www.w3.org/2000/svg";
        svg.Root!.Attribute("viewBox")!.Value.Should().Be("0 0 360 180");
        svg.Root.Element(ns + "title")!.Value.Should().Be("Tổng điểm 3 tháng gần nhất — Phường Tân Định");
        var total = months[^1].GetProperty("total").GetDecimal().ToString("0.00", Vietnamese);
        svg.Root.Element(ns + "desc")!.Value.Should().Contain($"Tháng {int.Parse(fixture.ThisMonth[5..], CultureInfo.InvariantCulture)}/{fixture.ThisMonth[..4]}: {total} điểm");
    }

    [Fact]
    public async Task A_chart_the_reader_holds_is_answered_not_modified()
    {
        using var client = fixture.Node.CreateClient(NodeFixture.ApiKey);
        var url = new Uri($"/api/v1/units/{DashboardNodeFixture.Unit}/charts/trend.svg?months=2&theme=dark&lang=en", UriKind.Relative);
        using var first = await client.GetAsync(url);

        using var again = new HttpRequestMessage(HttpMethod.Get, url);
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var second = await client.SendAsync(again);

        second.StatusCode.Should().Be(HttpStatusCode.NotModified);
        (await first.Content.ReadAsStringAsync()).Should().Contain("Total points, last 2 months");
    }

    [Fact]
    public async Task The_hourly_chart_of_today_is_svg_too()
    {
        using var client = fixture.Node.CreateClient(NodeFixture.ApiKey);

        using var response = await client.GetAsync(new Uri("/api/v1/units/79/charts/today.svg", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var svg = XDocument.Parse(await response.Content.ReadAsStringAsync());
        svg.Root!.Attribute("role")!.Value.Should().Be("img");
        svg.Root.Elements().First(e => e.Name.LocalName == "title").Value.Should().StartWith("Tổng điểm theo giờ ngày ");
    }

    [Theory]
    [InlineData("/api/v1/units/99999/comparison", HttpStatusCode.NotFound, "unit '99999' is not a known unit")]
    [InlineData("/api/v1/units/26737/comparison?period=2026-13", HttpStatusCode.BadRequest, "period '2026-13' is not one of")]
    [InlineData("/api/v1/units/26737/indicators?period=0001-01", HttpStatusCode.BadRequest, "period '0001-01' is outside 1900-01-01..2299-12-31")]
    [InlineData("/api/v1/units/26737/indicators?period=2026-01-01..9999-12-31", HttpStatusCode.BadRequest, "period '2026-01-01..9999-12-31' is outside")]
    [InlineData("/api/v1/rankings/movers?level=ward", HttpStatusCode.BadRequest, "level 'ward' is not one of commune, department")]
    [InlineData("/api/v1/rankings/movers?count=0", HttpStatusCode.BadRequest, "count '0' is not a whole number in 1..50")]
    [InlineData("/api/v1/units/26737/trend?months=99", HttpStatusCode.BadRequest, "months '99' is not a whole number in 1..36")]
    [InlineData("/api/v1/units/99999/charts/trend.svg", HttpStatusCode.NotFound, "unit '99999' is not a known unit")]
    [InlineData("/api/v1/units/26737/charts/trend.svg?theme=blue", HttpStatusCode.BadRequest, "theme 'blue' is not one of light, dark")]
    [InlineData("/api/v1/units/26737/charts/today.svg?width=5000", HttpStatusCode.BadRequest, "width '5000' is not a whole number of pixels in 240..1600")]
    public async Task Bad_requests_are_refused_with_the_reason(string url, HttpStatusCode status, string reason)
    {
        using var client = fixture.Node.CreateClient(NodeFixture.ApiKey);

        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        response.StatusCode.Should().Be(status);
        (await response.Content.ReadAsStringAsync()).Should().Contain(reason);
    }

    [Fact]
    public async Task The_page_its_modules_and_the_installable_app_files_are_served()
    {
        using var client = fixture.Node.CreateClient(NodeFixture.ApiKey);

        var page = await client.GetStringAsync(new Uri("/", UriKind.Relative));
        var modules = System.Text.RegularExpressions.Regex.Matches(page, "modulepreload\" href=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();

        page.Should().Contain("data-testid=\"stale-banner\"").And.Contain("data-testid=\"lang-toggle\"").And.Contain("lang=\"vi\"");
        modules.Should().Contain("/app.js").And.HaveCountGreaterThan(5);
        foreach (var module in modules.Append("/sw.js"))
        {
            using var response = await client.GetAsync(new Uri(module, UriKind.Relative));
            response.StatusCode.Should().Be(HttpStatusCode.OK, module);
            response.Content.Headers.ContentType!.MediaType.Should().Be("text/javascript", module);
        }

        using var manifestResponse = await client.GetAsync(new Uri("/manifest.webmanifest", UriKind.Relative));
        manifestResponse.Content.Headers.ContentType!.MediaType.Should().Be("application/manifest+json");
        var manifest = await manifestResponse.Content.ReadFromJsonAsync<JsonElement>();
        var icons = manifest.GetProperty("icons").EnumerateArray().ToList();
        icons.Select(i => i.GetProperty("sizes").GetString()).Should().Contain(["192x192", "512x512"]);
        foreach (var icon in icons)
        {
            using var response = await client.GetAsync(new Uri(icon.GetProperty("src").GetString()!, UriKind.Relative));
            response.StatusCode.Should().Be(HttpStatusCode.OK);
            response.Content.Headers.ContentType!.MediaType.Should().Be(icon.GetProperty("type").GetString());
        }
    }

    private static async Task<JsonElement> Get(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}

/// <summary>A node where Phường Tân Định received one dossier last month and two this month.</summary>
public sealed class DashboardNodeFixture : IAsyncLifetime
{
    public const string Unit = "26737"; // Phường Tân Định

    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    public string DataDirectory { get; } = TempDirectory.NewPath("dashboard");

    public NodeProcess Node { get; private set; } = null!;

    public string ThisMonth { get; private set; } = string.Empty;

    public string LastMonth { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        var now = DateTimeOffset.UtcNow;
        var local = now.ToOffset(Vietnam);
        var firstOfMonth = new DateTimeOffset(local.Year, local.Month, 1, 0, 0, 0, Vietnam);
        var lastMonthDay = firstOfMonth.AddDays(-3).AddHours(9);
        ThisMonth = Ndjson.MonthOf(now);
        LastMonth = Ndjson.MonthOf(lastMonthDay);

        Node = await NodeProcess.StartAsync(DataDirectory, NodeFixture.ApiKey);
        using var client = Node.CreateClient(NodeFixture.ApiKey);
        var body = Ndjson.Body(
            Ndjson.Received(Unit, "dash-old-1", lastMonthDay),
            Ndjson.Completed(Unit, "dash-old-1", lastMonthDay.AddHours(2)),
            Ndjson.Received(Unit, "dash-1", now.AddMinutes(-10)),
            Ndjson.Completed(Unit, "dash-1", now.AddMinutes(-5)),
            Ndjson.Received(Unit, "dash-2", now.AddMinutes(-3)));
        using var response = await client.PostAsync(new Uri("/api/v1/events", UriKind.Relative), body);
        var ack = await response.Content.ReadFromJsonAsync<IngestResponse>();
        ack!.Accepted.Should().Be(5, await response.Content.ReadAsStringAsync());
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
