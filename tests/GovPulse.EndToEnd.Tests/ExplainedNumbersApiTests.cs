using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GovPulse.EndToEnd.Tests.Fixtures;
using GovPulse.Indicators.Catalog;
using GovPulse.Indicators.Units;
using GovPulse.Ingest.Simulation;
using MiniExcelLibs;

namespace GovPulse.EndToEnd.Tests;

/// <summary>
/// Issue 15, item 3: <c>GET /units/{code}/indicators/{indicatorCode}/dossiers</c> lists what each
/// number counted. A simulated unit-month (Phường Tân Định, three days of October 2026 from the city
/// simulator) is stored; then, for every indicator, the explanation's numerator and denominator are
/// the scorecard's, and the items listed over every page add up to them. Who may open it follows the
/// dossier rules (a department head: their own unit), and the CSV and Excel files read back.
/// </summary>
[Collection(SecuredNode.Name)]
public sealed class ExplainedNumbersApiTests(SecuredNodeFixture fixture)
{
    private const string Unit = SecuredNodeFixture.OwnUnit;
    private const string Period = "2026-10";
    private static readonly DateTimeOffset Start = new(2026, 10, 13, 0, 0, 0, TimeSpan.FromHours(7));
    private static readonly Lazy<string[]> Lines = new(() =>
        new CitySimulator(new TrafficProfile(UnitDirectory.HoChiMinhCity, 15), ProcedureCatalog.Reference, 15, Start)
            .Advance(Start.AddDays(3))
            .Where(e => e.UnitCode == Unit)
            .Select(EventPoster.Line)
            .ToArray());

    [Fact]
    public async Task Every_indicators_numerator_and_denominator_are_the_scorecards_and_the_items_over_every_page_add_up_to_them()
    {
        var stored = await SeedAsync();
        using var client = fixture.Node.CreateClient(NodeFixture.ApiKey);
        var scorecard = await Json(client, $"/api/v1/units/{Unit}/indicators?period={Period}");
        var indicators = scorecard.GetProperty("groups").EnumerateArray().SelectMany(g => g.GetProperty("indicators").EnumerateArray()).ToList();
        indicators.Should().HaveCount(22);
        scorecard.GetProperty("counts").GetProperty("received").GetInt64().Should().BeGreaterThan(10, "the simulated days gave the unit dossiers");

        foreach (var indicator in indicators)
        {
            var code = indicator.GetProperty("code").GetString()!;
            var first = await FirstPageAsync(client, code, stored);
            var asOf = first.GetProperty("asOf").GetString();
            first.GetProperty("unitCode").GetString().Should().Be(Unit);
            first.GetProperty("indicator").GetString().Should().Be(code);
            first.GetProperty("period").GetString().Should().Be(Period);
            Number(first, "numerator").Should().Be(Number(indicator, "numerator"), $"{code}'s numerator is the scorecard's");
            Number(first, "denominator").Should().Be(Number(indicator, "denominator"), $"{code}'s denominator is the scorecard's");

            var items = new List<JsonElement>();
            var page = first;
            var pages = 1;
            while (true)
            {
                items.AddRange(page.GetProperty("dossiers").EnumerateArray());
                page.GetProperty("asOf").GetString().Should().Be(asOf, "the cursor pins the first page's asOf");
                if (page.GetProperty("next").GetString() is not { } next)
                {
                    break;
                }

                page = await Json(client, $"{Path(code)}&limit=7&cursor={Uri.EscapeDataString(next)}");
                pages++;
            }

            items.Should().HaveCount(first.GetProperty("count").GetInt32());
            pages.Should().Be(Math.Max(1, (items.Count + 6) / 7));
            items.Sum(i => i.GetProperty("value").GetDecimal()).Should().Be(Number(first, "numerator") ?? 0m, $"{code}'s items add up to its numerator");
            items.Count(i => i.GetProperty("inDenominator").GetBoolean()).Should().Be((int)(Number(first, "denominator") ?? 0m), $"{code}'s items in the denominator number it");
            items.Where(i => !i.GetProperty("inNumerator").GetBoolean() && i.GetProperty("value").GetDecimal() != 0m).Should().BeEmpty("an item outside the numerator adds nothing to it");
            items.Where(i => i.GetProperty("dossierId").GetString() is not { Length: > 0 } || i.GetProperty("rule").GetString() is not { Length: > 0 }).Should().BeEmpty();
            items.Select(i => i.GetProperty("subject").GetString()).Except(["dossier", "petition", "procedure"]).Should().BeEmpty();
        }
    }

    [Fact]
    public async Task A_changed_cursor_is_refused_and_a_cursor_keeps_its_period()
    {
        var stored = await SeedAsync();
        using var client = fixture.Node.CreateClient(NodeFixture.ApiKey);
        var first = await FirstPageAsync(client, "ONLINE_SUBMISSION", stored, limit: 1);
        var cursor = first.GetProperty("next").GetString()!;
        var changed = cursor[..10] + (cursor[10] == 'A' ? 'B' : 'A') + cursor[11..];

        var second = await Json(client, $"/api/v1/units/{Unit}/indicators/ONLINE_SUBMISSION/dossiers?limit=1&cursor={Uri.EscapeDataString(cursor)}");
        using var tampered = await client.GetAsync(new Uri($"{Path("ONLINE_SUBMISSION")}&cursor={Uri.EscapeDataString(changed)}", UriKind.Relative));
        using var otherPeriod = await client.GetAsync(new Uri($"/api/v1/units/{Unit}/indicators/ONLINE_SUBMISSION/dossiers?period=2026-09&cursor={Uri.EscapeDataString(cursor)}", UriKind.Relative));
        using var otherIndicator = await client.GetAsync(new Uri($"{Path("ON_TIME_PROCESSING")}&cursor={Uri.EscapeDataString(cursor)}", UriKind.Relative));

        second.GetProperty("period").GetString().Should().Be(Period, "the cursor holds the period when the request leaves it out");
        second.GetProperty("asOf").GetString().Should().Be(first.GetProperty("asOf").GetString());
        second.GetProperty("dossiers").EnumerateArray().Single().GetProperty("dossierId").GetString()
            .Should().NotBe(first.GetProperty("dossiers").EnumerateArray().Single().GetProperty("dossierId").GetString());

        tampered.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await tampered.Content.ReadAsStringAsync()).Should().Contain("the cursor is not one this endpoint gave");
        otherPeriod.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await otherPeriod.Content.ReadAsStringAsync()).Should().Contain($"the cursor is for period {Period}");
        otherIndicator.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_department_head_opens_their_own_unit_and_is_refused_another()
    {
        await SeedAsync();
        var own = await fixture.SessionOf("e2e.head.own");
        var other = await fixture.SessionOf("e2e.head.other");
        var auditor = await fixture.SessionOf("e2e.auditor");
        using var scoped = PersonSession.WithKey(fixture.Node, fixture.ScopedKey);

        (await Status(own.Client, Path("ON_TIME_PROCESSING"))).Should().Be(HttpStatusCode.OK);
        (await Status(own.Client, $"/api/v1/units/{SecuredNodeFixture.OtherUnit}/indicators/ON_TIME_PROCESSING/dossiers?period={Period}")).Should().Be(HttpStatusCode.Forbidden);
        (await Status(other.Client, Path("ON_TIME_PROCESSING"))).Should().Be(HttpStatusCode.Forbidden);
        (await Status(auditor.Client, Path("ON_TIME_PROCESSING"))).Should().Be(HttpStatusCode.OK);
        (await Status(scoped.Client, Path("ON_TIME_PROCESSING"))).Should().Be(HttpStatusCode.OK);
        (await Status(scoped.Client, $"/api/v1/units/{SecuredNodeFixture.OtherUnit}/indicators/ON_TIME_PROCESSING/dossiers?period={Period}")).Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_csv_and_the_workbook_hold_the_whole_list_and_read_back()
    {
        var stored = await SeedAsync();
        using var client = fixture.Node.CreateClient(NodeFixture.ApiKey);
        var json = await FirstPageAsync(client, "ON_TIME_PROCESSING", stored, limit: 1000);
        var asOf = Uri.EscapeDataString(json.GetProperty("asOf").GetString()!);
        var ids = json.GetProperty("dossiers").EnumerateArray().Select(i => i.GetProperty("dossierId").GetString()).ToList();
        ids.Should().NotBeEmpty();

        using var csv = await client.GetAsync(new Uri($"{Path("ON_TIME_PROCESSING")}&asOf={asOf}&format=csv", UriKind.Relative));
        using var xlsx = await client.GetAsync(new Uri($"{Path("ON_TIME_PROCESSING")}&asOf={asOf}&format=xlsx&lang=en", UriKind.Relative));

        csv.StatusCode.Should().Be(HttpStatusCode.OK);
        csv.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        csv.Content.Headers.ContentDisposition!.DispositionType.Should().Be("attachment");
        csv.Content.Headers.ContentDisposition.FileName.Should().Be($"giai-trinh-{Unit}-on-time-processing-{Period}.csv");
        csv.Headers.GetValues("X-GovPulse-As-Of").Should().Equal(json.GetProperty("asOf").GetString());
        var csvBytes = await csv.Content.ReadAsByteArrayAsync();
        csvBytes.Take(3).Should().Equal(new byte[] { 0xEF, 0xBB, 0xBF });
        using (var stream = new MemoryStream(csvBytes))
        {
            var rows = stream.Query(useHeaderRow: true, excelType: ExcelType.CSV).Cast<IDictionary<string, object>>().ToList();
            rows.Select(r => r["Mã hồ sơ"]?.ToString()).Should().Equal(ids);
            rows.Select(r => r["Tính vào mẫu số"]?.ToString()).Should().OnlyContain(v => v == "true" || v == "false");
        }

        xlsx.StatusCode.Should().Be(HttpStatusCode.OK);
        xlsx.Content.Headers.ContentDisposition!.FileName.Should().Be($"explanation-{Unit}-on-time-processing-{Period}.xlsx");
        using (var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()))
        {
            stream.GetSheetNames().Should().Equal("Explanation");
            var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
            rows.Select(r => r["Dossier id"]?.ToString()).Should().Equal(ids);
            rows[0].Keys.Should().Contain(["Procedure code", "Channel", "Received at", "In numerator", "Rule"]);
            rows.Select(r => decimal.Parse(r["Value"].ToString()!, CultureInfo.InvariantCulture)).Sum().Should().Be(Number(json, "numerator") ?? 0m);
        }
    }

    [Theory]
    [InlineData("/api/v1/units/79/indicators/ON_TIME_PROCESSING/dossiers", HttpStatusCode.BadRequest, "the city's figures pool its units")]
    [InlineData("/api/v1/units/26737/indicators/ON_TIME/dossiers", HttpStatusCode.NotFound, "indicator 'ON_TIME' is not a Decision 766 indicator")]
    [InlineData("/api/v1/units/26737/indicators/on_time_processing/dossiers", HttpStatusCode.NotFound, "is not a Decision 766 indicator")]
    [InlineData("/api/v1/units/99999/indicators/ON_TIME_PROCESSING/dossiers", HttpStatusCode.NotFound, "unit '99999' is not a known unit")]
    [InlineData("/api/v1/units/26737/indicators/ON_TIME_PROCESSING/dossiers?period=2026-13", HttpStatusCode.BadRequest, "period '2026-13' is not one of")]
    [InlineData("/api/v1/units/26737/indicators/ON_TIME_PROCESSING/dossiers?asOf=2999-01-01", HttpStatusCode.BadRequest, "is in the future")]
    [InlineData("/api/v1/units/26737/indicators/ON_TIME_PROCESSING/dossiers?asOf=yesterday", HttpStatusCode.BadRequest, "asOf 'yesterday' is not an ISO 8601 time")]
    [InlineData("/api/v1/units/26737/indicators/ON_TIME_PROCESSING/dossiers?limit=1001", HttpStatusCode.BadRequest, "limit '1001' is not a whole number in 1..1000")]
    [InlineData("/api/v1/units/26737/indicators/ON_TIME_PROCESSING/dossiers?format=pdf", HttpStatusCode.BadRequest, "format 'pdf' is not one of json, csv, xlsx")]
    [InlineData("/api/v1/units/26737/indicators/ON_TIME_PROCESSING/dossiers?lang=fr", HttpStatusCode.BadRequest, "lang 'fr' is not one of vi, en")]
    [InlineData("/api/v1/units/26737/indicators/ON_TIME_PROCESSING/dossiers?cursor=not-a-cursor", HttpStatusCode.BadRequest, "the cursor is not one this endpoint gave")]
    public async Task Bad_requests_are_refused_with_the_reason(string url, HttpStatusCode status, string reason)
    {
        using var client = fixture.Node.CreateClient(NodeFixture.ApiKey);

        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        response.StatusCode.Should().Be(status);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await response.Content.ReadAsStringAsync()).Should().Contain(reason);
    }

    private static string Path(string indicator) => $"/api/v1/units/{Unit}/indicators/{indicator}/dossiers?period={Period}";

    /// <summary>
    /// The first page, as known at an instant after <paramref name="stored"/>: without asOf the node
    /// takes its own now, which a test's clock reading may be ahead of; then ask again (bounded).
    /// </summary>
    private static async Task<JsonElement> FirstPageAsync(HttpClient client, string indicator, DateTimeOffset stored, int limit = 7)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(15);
        while (true)
        {
            var page = await Json(client, $"{Path(indicator)}&limit={limit}");
            if (DateTimeOffset.Parse(page.GetProperty("asOf").GetString()!, CultureInfo.InvariantCulture) >= stored || DateTimeOffset.UtcNow > deadline)
            {
                return page;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }

    /// <summary>Stores the simulated days (once: the event ids make a second post a no-op) and returns when the last post was answered.</summary>
    private async Task<DateTimeOffset> SeedAsync()
    {
        using var client = fixture.Node.CreateClient(NodeFixture.ApiKey);
        foreach (var batch in Lines.Value.Chunk(5000))
        {
            var result = await EventPoster.PostAsync(client, batch);
            result.Rejected.Should().BeEmpty();
        }

        return DateTimeOffset.UtcNow;
    }

    private static async Task<JsonElement> Json(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<HttpStatusCode> Status(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        return response.StatusCode;
    }

    private static decimal? Number(JsonElement element, string name) =>
        element.GetProperty(name).ValueKind == JsonValueKind.Number ? element.GetProperty(name).GetDecimal() : null;
}
