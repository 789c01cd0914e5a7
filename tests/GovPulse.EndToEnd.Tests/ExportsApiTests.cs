using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using GovPulse.EndToEnd.Tests.Fixtures;

namespace GovPulse.EndToEnd.Tests;

/// <summary>
/// The exports API through the real node (issue 15): files computed as known at an instant, equal to
/// the screens' figures when nothing is in flight, byte-identical when asked again with the same
/// asOf, with a manifest found by either hash; figures for every signed-in role.
/// </summary>
[Collection(SecuredNode.Name)]
public sealed class ExportsApiTests(SecuredNodeFixture fixture)
{
    // Units no other test of this node writes to.
    private const string Ranked = "26560"; // Phường Bà Rịa
    private const string Second = "26566"; // Phường Long Hương
    private const string Reproduced = "26704"; // Phường Phú Mỹ

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_csv_ranking_export_equals_the_live_ranking_and_a_csv_scorecard_the_scorecard_api_when_nothing_is_in_flight()
    {
        using var client = fixture.Node.CreateClient(NodeFixture.ApiKey);
        var now = DateTimeOffset.UtcNow;
        await PostAsync(client,
            Ndjson.Received(Ranked, "exp-live-1", now.AddMinutes(-30)),
            Ndjson.Received(Ranked, "exp-live-2", now.AddMinutes(-20)),
            Ndjson.Completed(Ranked, "exp-live-2", now.AddMinutes(-10)),
            Ndjson.Received(Second, "exp-live-3", now.AddMinutes(-25)));
        await EventuallyAsync(async () => ReceivedIn(await ExportCsvAsync(client, $"/api/v1/exports/units/{Ranked}/scorecard")) == 2);

        var ranking = await client.GetFromJsonAsync<JsonElement[]>("/api/v1/rankings?level=commune") ?? [];
        using var export = await client.GetAsync("/api/v1/exports/rankings?level=commune");
        var scorecard = await client.GetFromJsonAsync<JsonElement>($"/api/v1/units/{Ranked}/indicators");
        var scorecardRows = await ExportCsvAsync(client, $"/api/v1/exports/units/{Ranked}/scorecard");

        export.StatusCode.Should().Be(HttpStatusCode.OK);
        export.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        var rows = CsvRows.Of(await export.Content.ReadAsByteArrayAsync());
        rows[0][0].Should().Be("STT");
        rows.Skip(1).Select(r => r[1]).Should().Equal(ranking.Select(r => r.GetProperty("unitCode").GetString()), "one row per unit, in the ranking's order");
        for (var i = 0; i < ranking.Length; i++)
        {
            var live = ranking[i];
            var row = rows[i + 1];
            row[0].Should().Be(live.GetProperty("rank").ValueKind == JsonValueKind.Null ? string.Empty : live.GetProperty("rank").GetInt32().ToString(CultureInfo.InvariantCulture));
            row[2].Should().Be(live.GetProperty("name").GetString());
            row[9].Should().Be(live.GetProperty("total").ValueKind == JsonValueKind.Null ? string.Empty : Figure(live.GetProperty("total").GetDecimal()));
            row[10].Should().Be(live.GetProperty("band").ValueKind == JsonValueKind.Null ? "Chưa có hồ sơ trong kỳ" : live.GetProperty("band").GetString());
            row[11].Should().Be(live.GetProperty("received").GetInt64().ToString(CultureInfo.InvariantCulture));
        }

        rows.Should().Contain(r => r[1] == Ranked && r[0] != string.Empty, "a unit with dossiers is ranked");
        var indicators = scorecard.GetProperty("groups").EnumerateArray().SelectMany(g => g.GetProperty("indicators").EnumerateArray()).ToList();
        scorecardRows.Should().HaveCount(indicators.Count + 1);
        foreach (var indicator in indicators)
        {
            var row = scorecardRows.Single(r => r[1] == indicator.GetProperty("code").GetString());
            row[3].Should().Be(OptionalFigure(indicator.GetProperty("numerator")));
            row[4].Should().Be(OptionalFigure(indicator.GetProperty("denominator")));
            row[6].Should().Be(Figure(indicator.GetProperty("points").GetDecimal()));
        }
    }

    [Fact]
    public async Task The_same_request_with_the_same_as_of_gives_the_same_bytes_and_manifest_after_more_events_of_that_month()
    {
        using var client = fixture.Node.CreateClient(NodeFixture.ApiKey);
        var localNow = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7));
        var lastMonth = new DateTimeOffset(localNow.Year, localNow.Month, 1, 9, 0, 0, TimeSpan.FromHours(7)).AddMonths(-1);
        var period = Ndjson.MonthOf(lastMonth);
        var path = $"/api/v1/exports/units/{Reproduced}/scorecard?period={period}";
        await PostAsync(client, Ndjson.Received(Reproduced, "exp-past-1", lastMonth.AddDays(3)), Ndjson.Received(Reproduced, "exp-past-2", lastMonth.AddDays(4)));
        await EventuallyAsync(async () => ReceivedIn(await ExportCsvAsync(client, path)) == 2);

        using var first = await client.GetAsync(path);
        var asOf = first.Headers.GetValues("X-GovPulse-As-Of").Single();
        var firstBytes = await first.Content.ReadAsByteArrayAsync();
        var firstManifest = first.Headers.GetValues("X-GovPulse-Manifest").Single();
        await PostAsync(client, Ndjson.Received(Reproduced, "exp-past-3", lastMonth.AddDays(5)));
        await EventuallyAsync(async () => ReceivedIn(await ExportCsvAsync(client, path)) == 3);
        using var again = await client.GetAsync($"{path}&asOf={Uri.EscapeDataString(asOf)}");
        using var now = await client.GetAsync(path);

        again.StatusCode.Should().Be(HttpStatusCode.OK);
        (await again.Content.ReadAsByteArrayAsync()).Should().Equal(firstBytes, "events stored after asOf never count");
        again.Headers.GetValues("X-GovPulse-Manifest").Single().Should().Be(firstManifest, "the request's normal form states its asOf, given or not");
        again.Headers.GetValues("X-GovPulse-As-Of").Single().Should().Be(asOf);
        ReceivedIn(CsvRows.Of(await now.Content.ReadAsByteArrayAsync())).Should().Be(3, "without asOf the file has the new figures");
        now.Headers.GetValues("X-GovPulse-Manifest").Single().Should().NotBe(firstManifest);
    }

    [Fact]
    public async Task A_manifest_is_found_by_its_hash_and_by_the_files_hash_and_describes_the_file()
    {
        using var client = fixture.Node.CreateClient(NodeFixture.ApiKey);
        // A period no other test exports: a CSV does not state its asOf, so another export with the same
        // figures would be the same file, and the file's hash answers with the first issued.
        using var export = await client.GetAsync("/api/v1/exports/rankings?level=commune&period=2026-11-03..2026-11-07&lang=en");
        var bytes = await export.Content.ReadAsByteArrayAsync();
        var manifestHash = export.Headers.GetValues("X-GovPulse-Manifest").Single();
        var fileHash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var asOf = export.Headers.GetValues("X-GovPulse-As-Of").Single();

        var byManifest = await client.GetFromJsonAsync<JsonElement>($"/api/v1/exports/manifests/{manifestHash}");
        var byFile = await client.GetFromJsonAsync<JsonElement>($"/api/v1/exports/manifests/{fileHash}");
        using var unknown = await client.GetAsync($"/api/v1/exports/manifests/{new string('0', 64)}");
        using var malformed = await client.GetAsync("/api/v1/exports/manifests/not-a-hash");

        manifestHash.Should().MatchRegex("^[0-9a-f]{64}$");
        byManifest.GetProperty("sha256").GetString().Should().Be(manifestHash);
        byFile.GetProperty("sha256").GetString().Should().Be(manifestHash);
        byManifest.GetProperty("firstIssuedAt").GetString().Should().EndWith("+07:00");
        var manifest = byManifest.GetProperty("manifest");
        manifest.EnumerateObject().Select(p => p.Name).Should().Equal("request", "asOf", "codeVersion", "ruleSet", "format", "rows", "figuresSha256", "sha256", "bytes");
        manifest.GetProperty("request").GetString().Should().Be(
            $"/api/v1/exports/rankings?asOf={Uri.EscapeDataString(asOf).Replace("%3A", ":", StringComparison.Ordinal)}&format=csv&lang=en&level=commune&period=2026-11-03..2026-11-07");
        manifest.GetProperty("asOf").GetString().Should().Be(asOf);
        manifest.GetProperty("ruleSet").GetString().Should().Be("766/QĐ-TTg r1");
        manifest.GetProperty("format").GetString().Should().Be("csv");
        manifest.GetProperty("sha256").GetString().Should().Be(fileHash);
        manifest.GetProperty("bytes").GetInt64().Should().Be(bytes.LongLength);
        manifest.GetProperty("rows").GetProperty("units").GetInt64().Should().Be(CsvRows.Of(bytes).Count - 1);
        manifest.GetProperty("figuresSha256").GetString().Should().MatchRegex("^[0-9a-f]{64}$");
        unknown.StatusCode.Should().Be(HttpStatusCode.NotFound);
        malformed.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Every_signed_in_role_exports_figures_city_wide_and_looks_up_manifests()
    {
        foreach (var username in fixture.People.Keys)
        {
            var person = await fixture.SessionOf(username);
            using var ranking = await person.Client.GetAsync(new Uri("/api/v1/exports/rankings?level=department", UriKind.Relative));
            using var other = await person.Client.GetAsync(new Uri($"/api/v1/exports/units/{SecuredNodeFixture.OtherUnit}/scorecard", UriKind.Relative));
            using var city = await person.Client.GetAsync(new Uri("/api/v1/exports/units/79/scorecard", UriKind.Relative));
            ranking.StatusCode.Should().Be(HttpStatusCode.OK, username);
            other.StatusCode.Should().Be(HttpStatusCode.OK, $"{username} reads every unit's figures");
            city.StatusCode.Should().Be(HttpStatusCode.OK, username);
            using var manifest = await person.Client.GetAsync(new Uri($"/api/v1/exports/manifests/{ranking.Headers.GetValues("X-GovPulse-Manifest").Single()}", UriKind.Relative));
            manifest.StatusCode.Should().Be(HttpStatusCode.OK, $"{username} may check a file's manifest");
        }
    }

    [Fact]
    public async Task Files_are_named_for_what_they_hold_in_the_language_asked()
    {
        var auditor = await fixture.SessionOf("e2e.auditor");

        (await NameOf(auditor, "/api/v1/exports/rankings?period=2026-11")).Should().Be("attachment; filename=xep-hang-phuong-xa-2026-11.csv");
        (await NameOf(auditor, "/api/v1/exports/rankings?level=department&period=2026-Q4")).Should().Be("attachment; filename=xep-hang-so-nganh-2026-q4.csv");
        (await NameOf(auditor, "/api/v1/exports/rankings?level=department&period=2026&lang=en")).Should().Be("attachment; filename=ranking-departments-2026.csv");
        (await NameOf(auditor, $"/api/v1/exports/units/{Ranked}/scorecard?period=2026-11-01..2026-11-15")).Should().Be($"attachment; filename=bang-diem-{Ranked}-2026-11-01_2026-11-15.csv");
        (await NameOf(auditor, "/api/v1/exports/units/79/scorecard?period=2026-11&lang=en")).Should().Be("attachment; filename=scorecard-79-2026-11.csv");
    }

    [Fact]
    public async Task Anonymous_callers_are_refused_on_every_export_endpoint()
    {
        using var anonymous = PersonSession.Anonymous(fixture.Node);
        foreach (var path in new[] { "/api/v1/exports/rankings", $"/api/v1/exports/units/{Ranked}/scorecard", $"/api/v1/exports/manifests/{new string('a', 64)}" })
        {
            using var response = await anonymous.Client.GetAsync(new Uri(path, UriKind.Relative));
            response.StatusCode.Should().Be(HttpStatusCode.Unauthorized, path);
        }
    }

    [Theory]
    [InlineData("/api/v1/exports/rankings?level=province", HttpStatusCode.BadRequest, "level 'province' is not one of commune, department")]
    [InlineData("/api/v1/exports/rankings?period=2026-13", HttpStatusCode.BadRequest, "2026-13")]
    [InlineData("/api/v1/exports/rankings?format=docx", HttpStatusCode.BadRequest, "format 'docx' is not one of csv, xlsx, pdf, png, svg")]
    [InlineData("/api/v1/exports/rankings?lang=fr", HttpStatusCode.BadRequest, "lang 'fr' is not one of vi, en")]
    [InlineData("/api/v1/exports/rankings?asOf=yesterday", HttpStatusCode.BadRequest, "asOf 'yesterday' is not an ISO 8601 time")]
    [InlineData("/api/v1/exports/rankings?asOf=2999-01-01T00:00:00Z", HttpStatusCode.BadRequest, "is in the future")]
    [InlineData("/api/v1/exports/units/26560/scorecard?format=xls", HttpStatusCode.BadRequest, "format 'xls' is not one of")]
    [InlineData("/api/v1/exports/units/99999/scorecard", HttpStatusCode.NotFound, "unit '99999' is not a known unit")]
    public async Task Bad_requests_are_refused_with_their_reason(string path, HttpStatusCode expected, string reason)
    {
        var auditor = await fixture.SessionOf("e2e.auditor");

        using var response = await auditor.Client.GetAsync(new Uri(path, UriKind.Relative));

        response.StatusCode.Should().Be(expected);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().Should().Contain(reason);
    }

    private static async Task<string> NameOf(PersonSession person, string path)
    {
        using var response = await person.Client.GetAsync(new Uri(path, UriKind.Relative));
        response.StatusCode.Should().Be(HttpStatusCode.OK, path);
        return response.Content.Headers.GetValues("Content-Disposition").Single();
    }

    private static async Task PostAsync(HttpClient client, params string[] lines)
    {
        using var response = await client.PostAsync("/api/v1/events", Ndjson.Body(lines));
        response.EnsureSuccessStatusCode();
    }

    private static async Task<List<string[]>> ExportCsvAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        response.StatusCode.Should().Be(HttpStatusCode.OK, path);
        return CsvRows.Of(await response.Content.ReadAsByteArrayAsync());
    }

    /// <summary>The dossiers received, as a scorecard CSV states them: ON_TIME_PROCESSING's denominator.</summary>
    private static long ReceivedIn(List<string[]> scorecardRows) =>
        (long)decimal.Parse(scorecardRows.Single(r => r[1] == "ON_TIME_PROCESSING")[4], CultureInfo.InvariantCulture);

    /// <summary>
    /// Waits, up to a deadline, for the node to have applied what was just sent (the log is written
    /// before the answer; the unit applies it just after) and for asOf to have passed it.
    /// </summary>
    private static async Task EventuallyAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTimeOffset.UtcNow + Patience;
        while (!await condition())
        {
            DateTimeOffset.UtcNow.Should().BeBefore(deadline, "the node applies events within seconds");
            await Task.Delay(250); // an external process: bounded polling
        }
    }

    private static string Figure(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string OptionalFigure(JsonElement value) => value.ValueKind == JsonValueKind.Null ? string.Empty : Figure(value.GetDecimal());
}
