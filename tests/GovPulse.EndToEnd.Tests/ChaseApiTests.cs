using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GovPulse.EndToEnd.Tests.Fixtures;

namespace GovPulse.EndToEnd.Tests;

/// <summary>
/// <c>GET /api/v1/units/{code}/chase</c> and <c>GET /api/v1/chase</c> through the real node: why each
/// dossier is overdue, counts that equal what each tab lists, paging, and the city-wide list worst first.
/// Who may call them is in <see cref="AuthorizationMatrixTests"/> (a department head gets 403 on the city-wide one).
/// </summary>
public sealed class ChaseApiTests(NodeFixture fixture) : IClassFixture<NodeFixture>
{
    private static readonly string[] Statuses = ["overdue", "due-soon", "in-progress"];

    [Fact]
    public async Task Each_dossier_says_why_it_is_overdue_and_each_count_is_what_its_tab_lists()
    {
        const string unit = "27154"; // Phường Bàn Cờ
        using var client = fixture.Node.CreateClient(NodeFixture.ApiKey);
        var now = DateTimeOffset.UtcNow;
        await EventPoster.PostAsync(client, [
            Received(unit, "reason-due-passed", now.AddDays(-10), due: now.AddHours(-1)),
            Received(unit, "reason-second-request", now.AddDays(-3), due: now.AddDays(10)),
            Supplement(unit, "reason-second-request", "SupplementRequested", 1, now.AddDays(-2)),
            Supplement(unit, "reason-second-request", "SupplementReceived", 1, now.AddDays(-2).AddHours(1)),
            Supplement(unit, "reason-second-request", "SupplementRequested", 2, now.AddDays(-1)),
            Received(unit, "due-soon", now.AddDays(-1), due: now.AddHours(1)),
            Received(unit, "on-time", now.AddDays(-1), due: now.AddDays(30)),
            Received(unit, "finished", now.AddDays(-5), due: now.AddDays(-4)),
            Ndjson.Completed(unit, "finished", now.AddDays(-3)),
        ]);

        var tabs = new Dictionary<string, JsonElement>();
        foreach (var status in Statuses)
        {
            tabs[status] = await client.GetFromJsonAsync<JsonElement>($"/api/v1/units/{unit}/chase?status={status}&pageSize=200");
        }

        var overdue = tabs["overdue"];
        var rows = overdue.GetProperty("dossiers").EnumerateArray().ToDictionary(r => r.GetProperty("dossierId").GetString()!);
        rows.Keys.Should().BeEquivalentTo("reason-due-passed", "reason-second-request");
        rows["reason-due-passed"].GetProperty("overdueReason").GetString().Should().Be("duePassed");
        DateTimeOffset.Parse(rows["reason-due-passed"].GetProperty("overdueSince").GetString()!, System.Globalization.CultureInfo.InvariantCulture)
            .Should().BeCloseTo(now.AddHours(-1), TimeSpan.FromMilliseconds(1), "a passed due time is overdue since that time");
        rows["reason-due-passed"].GetProperty("overdueSince").GetString().Should().EndWith("+07:00");
        rows["reason-second-request"].GetProperty("overdueReason").GetString().Should().Be("secondSupplementRequest");
        rows["reason-second-request"].GetProperty("overdueSince").ValueKind.Should().Be(JsonValueKind.Null);
        rows["reason-second-request"].GetProperty("supplementRequests").GetInt32().Should().Be(2);
        rows["reason-second-request"].GetProperty("status").GetString().Should().Be("overdue");
        rows.Values.Should().OnlyContain(r => r.GetProperty("sourceUrl").ValueKind == JsonValueKind.Null, "no source URL template is configured");
        tabs["due-soon"].GetProperty("dossiers").EnumerateArray().Select(Id).Should().Equal("due-soon");
        tabs["due-soon"].GetProperty("dossiers")[0].GetProperty("overdueReason").ValueKind.Should().Be(JsonValueKind.Null);
        tabs["in-progress"].GetProperty("dossiers").EnumerateArray().Select(Id).Should().Equal("reason-due-passed", "due-soon", "reason-second-request", "on-time");

        foreach (var (status, tab) in tabs)
        {
            var counts = tab.GetProperty("counts");
            var count = counts.GetProperty(status switch { "overdue" => "overdue", "due-soon" => "dueSoon", _ => "inProgress" }).GetInt32();
            count.Should().Be(tab.GetProperty("total").GetInt32()).And.Be(tab.GetProperty("dossiers").GetArrayLength(), $"the {status} count is what its tab lists");
            tab.GetProperty("status").GetString().Should().Be(status);
            tab.GetProperty("unitCode").GetString().Should().Be(unit);
            tab.GetProperty("asOf").GetString().Should().EndWith("+07:00");
        }

        overdue.GetProperty("counts").GetProperty("overdue").GetInt32().Should().Be(2);
        overdue.GetProperty("counts").GetProperty("dueSoon").GetInt32().Should().Be(1);
        overdue.GetProperty("counts").GetProperty("inProgress").GetInt32().Should().Be(4);
    }

    [Fact]
    public async Task Pages_cover_the_tab_once_in_order_and_a_page_past_the_end_is_empty()
    {
        const string unit = "26737"; // Phường Tân Định
        using var client = fixture.Node.CreateClient(NodeFixture.ApiKey);
        var now = DateTimeOffset.UtcNow;
        await EventPoster.PostAsync(client, [.. Enumerable.Range(1, 5).Select(i => Received(unit, $"page-{i}", now.AddDays(-10), due: now.AddHours(-i)))]);

        var all = await client.GetFromJsonAsync<JsonElement>($"/api/v1/units/{unit}/chase?status=overdue");
        var pages = new List<JsonElement>();
        for (var page = 1; page <= 4; page++)
        {
            pages.Add(await client.GetFromJsonAsync<JsonElement>($"/api/v1/units/{unit}/chase?status=overdue&page={page}&pageSize=2"));
        }

        all.GetProperty("dossiers").EnumerateArray().Select(Id).Should().Equal("page-5", "page-4", "page-3", "page-2", "page-1");
        pages.SelectMany(p => p.GetProperty("dossiers").EnumerateArray().Select(Id)).Should().Equal(all.GetProperty("dossiers").EnumerateArray().Select(Id));
        pages.Should().OnlyContain(p => p.GetProperty("pages").GetInt32() == 3 && p.GetProperty("total").GetInt32() == 5 && p.GetProperty("pageSize").GetInt32() == 2);
        pages[3].GetProperty("dossiers").GetArrayLength().Should().Be(0);
        all.GetProperty("page").GetInt32().Should().Be(1);
        all.GetProperty("pageSize").GetInt32().Should().Be(50);
    }

    [Fact]
    public async Task The_city_wide_list_groups_by_unit_worst_first_with_counts()
    {
        using var client = fixture.Node.CreateClient(NodeFixture.ApiKey);
        var now = DateTimeOffset.UtcNow;
        const string most = "26740", earlier = "26743", later = "27139";
        await EventPoster.PostAsync(client, [
            Received(most, "city-most-1", now.AddDays(-5), due: now.AddHours(-2)),
            Received(most, "city-most-2", now.AddDays(-5), due: now.AddHours(-3)),
            Received(most, "city-most-3", now.AddDays(-5), due: now.AddDays(20)),
            Received(later, "city-later", now.AddDays(-5), due: now.AddHours(-1)),
            Received(earlier, "city-earlier", now.AddDays(-9), due: now.AddDays(-4)),
        ]);

        var city = await client.GetFromJsonAsync<JsonElement>("/api/v1/chase?status=overdue&perUnit=1&pageSize=100");
        var departments = await client.GetFromJsonAsync<JsonElement>("/api/v1/chase?level=department");

        var units = city.GetProperty("units").EnumerateArray().ToList();
        var mine = units.Select(u => u.GetProperty("unitCode").GetString()).Where(c => c is most or earlier or later);
        mine.Should().Equal([most, earlier, later], "most overdue first, then the earliest due of the most urgent dossier");
        var first = units.Single(u => u.GetProperty("unitCode").GetString() == most);
        first.GetProperty("kind").GetString().Should().Be("commune");
        first.GetProperty("counts").GetProperty("overdue").GetInt32().Should().Be(2);
        first.GetProperty("counts").GetProperty("inProgress").GetInt32().Should().Be(3);
        first.GetProperty("dossiers").EnumerateArray().Select(Id).Should().Equal(["city-most-2"], "perUnit=1 gives the most urgent");
        first.GetProperty("dossiers")[0].GetProperty("overdueReason").GetString().Should().Be("duePassed");
        units.Should().OnlyContain(u => u.GetProperty("counts").GetProperty("overdue").GetInt32() > 0, "only units with a dossier in the status");
        city.GetProperty("totalUnits").GetInt32().Should().Be(units.Count);
        city.GetProperty("counts").GetProperty("overdue").GetInt32()
            .Should().Be(units.Sum(u => u.GetProperty("counts").GetProperty("overdue").GetInt32()), "the city's count sums its units'");
        city.GetProperty("level").GetString().Should().Be("all");
        departments.GetProperty("units").GetArrayLength().Should().Be(0, "no department has a dossier here");
        departments.GetProperty("counts").GetProperty("overdue").GetInt32().Should().Be(0);
    }

    [Theory]
    [InlineData("/api/v1/units/26758/chase?status=late", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/units/26758/chase?page=0", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/units/26758/chase?pageSize=201", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/units/79/chase", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/units/99999/chase", HttpStatusCode.NotFound)]
    [InlineData("/api/v1/chase?level=city", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/chase?perUnit=51", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/chase?pageSize=0", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/chase?status=done", HttpStatusCode.BadRequest)]
    public async Task Bad_requests_are_refused_with_a_reason(string path, HttpStatusCode expected)
    {
        using var client = fixture.Node.CreateClient(NodeFixture.ApiKey);

        var response = await client.GetAsync(path);

        response.StatusCode.Should().Be(expected);
        (await response.Content.ReadAsStringAsync()).Should().Contain("detail");
    }

    [Fact]
    public async Task A_configured_source_url_template_links_each_row_with_the_id_escaped()
    {
        const string unit = "26758";
        var directory = TempDirectory.NewPath("e2e-links");
        try
        {
            await using var node = await NodeProcess.StartAsync(directory, NodeFixture.ApiKey, "--GovPulse:Dossiers:SourceUrlTemplate=https://motcua.example.gov.vn/hoso/{dossierId}?from=govpulse");
            using var client = node.CreateClient(NodeFixture.ApiKey);
            await EventPoster.PostAsync(client, [Received(unit, "HS/2026 #7", DateTimeOffset.UtcNow.AddDays(-3), due: DateTimeOffset.UtcNow.AddHours(-1))]);

            var chase = await client.GetFromJsonAsync<JsonElement>($"/api/v1/units/{unit}/chase");
            var dossiers = await client.GetFromJsonAsync<JsonElement[]>($"/api/v1/units/{unit}/dossiers") ?? [];

            chase.GetProperty("dossiers")[0].GetProperty("sourceUrl").GetString().Should().Be("https://motcua.example.gov.vn/hoso/HS%2F2026%20%237?from=govpulse");
            dossiers.Should().ContainSingle().Which.GetProperty("sourceUrl").GetString().Should().Be("https://motcua.example.gov.vn/hoso/HS%2F2026%20%237?from=govpulse");
        }
        finally
        {
            TempDirectory.DeleteQuietly(directory);
        }
    }

    [Theory]
    [InlineData("motcua.example.gov.vn/hoso/{dossierId}")]
    [InlineData("ftp://motcua.example.gov.vn/hoso/{dossierId}")]
    [InlineData("https://motcua.example.gov.vn/hoso/")]
    public async Task A_bad_source_url_template_stops_the_node_at_start_naming_the_setting(string template)
    {
        var directory = TempDirectory.NewPath("e2e-bad-links");
        try
        {
            var start = () => NodeProcess.StartAsync(directory, NodeFixture.ApiKey, $"--GovPulse:Dossiers:SourceUrlTemplate={template}");

            (await start.Should().ThrowAsync<InvalidOperationException>())
                .Which.Message.Should().Contain("GovPulse:Dossiers:SourceUrlTemplate must be an absolute http:// or https:// URL containing {dossierId}");
        }
        finally
        {
            TempDirectory.DeleteQuietly(directory);
        }
    }

    private static string Id(JsonElement row) => row.GetProperty("dossierId").GetString()!;

    private static string Received(string unit, string dossier, DateTimeOffset at, DateTimeOffset due) => JsonSerializer.Serialize(new
    {
        eventId = $"{dossier}-r",
        type = "DossierReceived",
        occurredAt = Ndjson.Time(at),
        dossierId = dossier,
        unitCode = unit,
        procedureCode = "2.000815",
        channel = "online",
        dueAt = Ndjson.Time(due),
        fee = 0,
        paperResult = false,
        citizenData = true,
    });

    private static string Supplement(string unit, string dossier, string type, int n, DateTimeOffset at) =>
        JsonSerializer.Serialize(new { eventId = $"{dossier}-{type}-{n}", type, occurredAt = Ndjson.Time(at), dossierId = dossier, unitCode = unit });
}
