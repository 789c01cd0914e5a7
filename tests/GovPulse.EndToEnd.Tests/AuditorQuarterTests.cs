using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GovPulse.EndToEnd.Tests.Fixtures;
using GovPulse.Indicators.Catalog;
using GovPulse.Indicators.Events;
using GovPulse.Indicators.Units;
using GovPulse.Ingest.Simulation;
using MiniExcelLibs;
using UglyToad.PdfPig;

namespace GovPulse.EndToEnd.Tests;

/// <summary>
/// Issue 15's "done when", end to end through the real node: an auditor downloads last quarter's
/// commune ranking as Excel and PDF that match the dashboard's ranking, gets byte-identical files
/// again later with the same as-of time although more events of that quarter were stored since, and
/// opens every indicator of a unit to see exactly which dossiers made its numerator and denominator.
/// </summary>
[Collection(SecuredNode.Name)]
public sealed class AuditorQuarterTests(SecuredNodeFixture fixture)
{
    // Communes no other test of this node writes to.
    private static readonly string[] Units = ["26995", "27013"]; // Phường Tân Hòa, Phường Tây Thạnh
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task An_auditor_takes_last_quarters_ranking_as_excel_and_pdf_matching_the_dashboard_gets_the_same_bytes_later_and_opens_every_number()
    {
        var (quarter, middle) = LastQuarter(DateTimeOffset.UtcNow);
        // One simulated stretch of three days, told in two parts: the first two days now, the third later.
        var simulated = Simulated(middle, middle.AddDays(3));
        var days = simulated.Where(e => e.OccurredAt < middle.AddDays(2)).Select(EventPoster.Line).ToList();
        var later = simulated.Where(e => e.OccurredAt >= middle.AddDays(2)).Select(EventPoster.Line).ToList();
        var receivedFirst = simulated.Where(e => e.OccurredAt < middle.AddDays(2) && e.Type == EventType.DossierReceived).Select(e => e.DossierId).Distinct().Count();
        receivedFirst.Should().BeGreaterThan(5, "the simulated days give the two communes dossiers");
        simulated.Should().Contain(e => e.OccurredAt >= middle.AddDays(2) && e.Type == EventType.DossierReceived, "the third day brings new dossiers");
        using var ingest = fixture.Node.CreateClient(NodeFixture.ApiKey);
        await PostAsync(ingest, days);
        var auditor = await fixture.SessionOf("e2e.auditor");
        await EventuallyAsync(async () => await ReceivedAsync(auditor.Client, quarter) == receivedFirst);

        // The dashboard's ranking and the files, taken together (no other test of this node writes meanwhile).
        var dashboard = await auditor.Client.GetFromJsonAsync<JsonElement[]>($"/api/v1/rankings?level=commune&period={quarter}") ?? [];
        using var excel = await auditor.Client.GetAsync($"/api/v1/exports/rankings?level=commune&period={quarter}&format=xlsx");
        excel.StatusCode.Should().Be(HttpStatusCode.OK);
        var asOf = excel.Headers.GetValues("X-GovPulse-As-Of").Single();
        var excelBytes = await excel.Content.ReadAsByteArrayAsync();
        using var pdf = await auditor.Client.GetAsync($"/api/v1/exports/rankings?level=commune&period={quarter}&format=pdf&asOf={Uri.EscapeDataString(asOf)}");
        pdf.StatusCode.Should().Be(HttpStatusCode.OK);
        var pdfBytes = await pdf.Content.ReadAsByteArrayAsync();
        excel.Content.Headers.ContentDisposition!.FileName.Should().Be($"xep-hang-phuong-xa-{quarter.ToLowerInvariant()}.xlsx");

        // The Excel summary is the dashboard's ranking, row for row.
        var summary = Rows(excelBytes, "Tổng hợp");
        summary.Select(r => (string?)r["Mã đơn vị"]).Should().Equal(dashboard.Select(r => r.GetProperty("unitCode").GetString()));
        for (var i = 0; i < dashboard.Length; i++)
        {
            var live = dashboard[i];
            var row = summary[i];
            if (live.GetProperty("rank").ValueKind == JsonValueKind.Null)
            {
                row["STT"].Should().BeNull();
                row["Xếp loại"].Should().Be("Chưa có hồ sơ trong kỳ");
                continue;
            }

            row["STT"].Should().Be((double)live.GetProperty("rank").GetInt32());
            Convert.ToDecimal(row["Tổng điểm"], CultureInfo.InvariantCulture).Should().Be(live.GetProperty("total").GetDecimal());
            row["Xếp loại"].Should().Be(live.GetProperty("band").GetString());
        }

        Units.Should().OnlyContain(u => summary.Any(r => (string?)r["Mã đơn vị"] == u && r["STT"] != null), "the simulated communes are ranked");

        // The PDF names the ranked units (diacritics intact) and states the as-of time and the figures' hash.
        var manifest = await auditor.Client.GetFromJsonAsync<JsonElement>($"/api/v1/exports/manifests/{pdf.Headers.GetValues("X-GovPulse-Manifest").Single()}");
        var text = PdfText(pdfBytes);
        foreach (var code in Units)
        {
            text.Should().Contain(UnitDirectory.HoChiMinhCity.Find(code)!.Name);
        }

        text.Should().Contain(manifest.GetProperty("manifest").GetProperty("figuresSha256").GetString());

        // More events of the same quarter arrive; the same request with the same asOf gives the same bytes.
        await PostAsync(ingest, later);
        await EventuallyAsync(async () => await ReceivedAsync(auditor.Client, quarter) > receivedFirst);
        using var excelAgain = await auditor.Client.GetAsync($"/api/v1/exports/rankings?level=commune&period={quarter}&format=xlsx&asOf={Uri.EscapeDataString(asOf)}");
        using var pdfAgain = await auditor.Client.GetAsync($"/api/v1/exports/rankings?level=commune&period={quarter}&format=pdf&asOf={Uri.EscapeDataString(asOf)}");
        (await excelAgain.Content.ReadAsByteArrayAsync()).Should().Equal(excelBytes, "events stored after the as-of time never count");
        (await pdfAgain.Content.ReadAsByteArrayAsync()).Should().Equal(pdfBytes);
        excelAgain.Headers.GetValues("X-GovPulse-Manifest").Single().Should().Be(excel.Headers.GetValues("X-GovPulse-Manifest").Single());
        using var excelNow = await auditor.Client.GetAsync($"/api/v1/exports/rankings?level=commune&period={quarter}&format=xlsx");
        (await excelNow.Content.ReadAsByteArrayAsync()).Should().NotEqual(excelBytes, "without asOf the file has the new figures");

        // Every indicator of a ranked unit, at the same asOf: its dossiers add up to the file's figures.
        var unit = Units[0];
        var group = Rows(excelBytes, "Tiến độ, kết quả giải quyết").Single(r => (string?)r["Mã đơn vị"] == unit);
        using var scorecardFile = await auditor.Client.GetAsync($"/api/v1/exports/units/{unit}/scorecard?period={quarter}&format=csv&asOf={Uri.EscapeDataString(asOf)}");
        var scorecardRows = CsvRows.Of(await scorecardFile.Content.ReadAsByteArrayAsync());
        scorecardRows.Should().HaveCount(23, "a header and the 22 indicators");
        foreach (var row in scorecardRows.Skip(1))
        {
            var code = row[1];
            var explained = await auditor.Client.GetFromJsonAsync<JsonElement>(
                $"/api/v1/units/{unit}/indicators/{code}/dossiers?period={quarter}&asOf={Uri.EscapeDataString(asOf)}&limit=1000");
            Figure(explained.GetProperty("numerator")).Should().Be(row[3], $"{code}'s numerator is the file's");
            Figure(explained.GetProperty("denominator")).Should().Be(row[4], $"{code}'s denominator is the file's");
            explained.GetProperty("next").ValueKind.Should().Be(JsonValueKind.Null, "a quarter of two communes fits one page of 1,000");
            var items = explained.GetProperty("dossiers").EnumerateArray().ToList();
            var numerator = items.Sum(i => i.GetProperty("value").GetDecimal());
            var denominator = items.Count(i => i.GetProperty("inDenominator").GetBoolean());
            (row[3].Length == 0 ? string.Empty : Invariant(numerator)).Should().Be(row[3], $"{code}'s dossiers add up to its numerator");
            (row[4].Length == 0 ? string.Empty : Invariant(denominator)).Should().Be(row[4], $"{code}'s dossiers in the denominator number it");
            if (code == "ON_TIME_PROCESSING")
            {
                Convert.ToDecimal(group["Tỷ lệ hồ sơ xử lý trước hạn, đúng hạn — Tử số"], CultureInfo.InvariantCulture)
                    .Should().Be(numerator, "the Excel group sheet shows the same numerator");
            }
        }
    }

    [Fact]
    public async Task No_citizen_personal_data_leaves_in_an_explanation_or_an_export_whatever_the_payload_held()
    {
        const string unit = "27004"; // Phường Tân Bình: no other test of this node writes to it
        var received = DateTimeOffset.UtcNow.AddMinutes(-5);
        var period = Ndjson.MonthOf(received);
        var line = Ndjson.Received(unit, "pii-1", received).TrimEnd('}')
            + ",\"applicantName\":\"Nguyễn Thị Bí Mật\",\"phone\":\"0909123456\",\"email\":\"bimat@example.vn\",\"address\":\"12 Đường Kín\"}";
        using var ingest = fixture.Node.CreateClient(NodeFixture.ApiKey);
        using (var posted = await ingest.PostAsync("/api/v1/events", Ndjson.Body(line)))
        {
            posted.EnsureSuccessStatusCode();
        }

        var auditor = await fixture.SessionOf("e2e.auditor");
        await EventuallyAsync(async () => (await auditor.Client.GetFromJsonAsync<JsonElement>($"/api/v1/units/{unit}/indicators?period={period}"))
            .GetProperty("counts").GetProperty("received").GetInt64() == 1);
        var answers = new List<string>();
        foreach (var path in new[]
        {
            $"/api/v1/units/{unit}/indicators/ON_TIME_PROCESSING/dossiers?period={period}",
            $"/api/v1/units/{unit}/indicators/ON_TIME_PROCESSING/dossiers?period={period}&format=csv",
            $"/api/v1/exports/units/{unit}/scorecard?period={period}&format=csv",
            $"/api/v1/exports/units/{unit}/scorecard?period={period}&format=svg",
        })
        {
            using var answer = await auditor.Client.GetAsync(path);
            answer.StatusCode.Should().Be(HttpStatusCode.OK, path);
            answers.Add(await answer.Content.ReadAsStringAsync());
        }

        answers[0].Should().Contain("pii-1", "the dossier is listed by its identifier");
        foreach (var personal in new[] { "Bí Mật", "0909123456", "bimat@example.vn", "Đường Kín" })
        {
            answers.Should().NotContain(a => a.Contains(personal, StringComparison.Ordinal), $"'{personal}' is a citizen's personal data");
        }
    }

    /// <summary>The quarter before the one <paramref name="now"/> is in (local time), and a day in its middle month.</summary>
    private static (string Label, DateTimeOffset Middle) LastQuarter(DateTimeOffset now)
    {
        var local = now.ToOffset(TimeSpan.FromHours(7));
        var firstOfThis = new DateTimeOffset(local.Year, (((local.Month - 1) / 3) * 3) + 1, 1, 0, 0, 0, TimeSpan.FromHours(7));
        var first = firstOfThis.AddMonths(-3);
        return ($"{first.Year}-Q{((first.Month - 1) / 3) + 1}", first.AddMonths(1).AddDays(9));
    }

    private static List<UnitEvent> Simulated(DateTimeOffset from, DateTimeOffset until) =>
        new CitySimulator(new TrafficProfile(UnitDirectory.HoChiMinhCity, 15), ProcedureCatalog.Reference, 15, from)
            .Advance(until)
            .Where(e => Units.Contains(e.UnitCode) && e.OccurredAt < until)
            .ToList();

    private static async Task<long> ReceivedAsync(HttpClient client, string quarter)
    {
        var total = 0L;
        foreach (var unit in Units)
        {
            var scorecard = await client.GetFromJsonAsync<JsonElement>($"/api/v1/units/{unit}/indicators?period={quarter}");
            total += scorecard.GetProperty("counts").GetProperty("received").GetInt64();
        }

        return total;
    }

    private static async Task PostAsync(HttpClient client, IReadOnlyList<string> lines)
    {
        foreach (var batch in lines.Chunk(500))
        {
            using var response = await client.PostAsync("/api/v1/events", Ndjson.Body(batch));
            response.EnsureSuccessStatusCode();
        }
    }

    private static async Task EventuallyAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTimeOffset.UtcNow + Patience;
        while (!await condition())
        {
            DateTimeOffset.UtcNow.Should().BeBefore(deadline, "the node should have applied the events by now");
            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
    }

    private static List<IDictionary<string, object?>> Rows(byte[] workbook, string sheet)
    {
        using var stream = new MemoryStream(workbook);
        return stream.Query(useHeaderRow: true, sheetName: sheet).Cast<IDictionary<string, object?>>().ToList();
    }

    private static string PdfText(byte[] bytes)
    {
        using var document = PdfDocument.Open(bytes);
        return string.Join(" ", document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
    }

    private static string Figure(JsonElement value) => value.ValueKind == JsonValueKind.Null ? string.Empty : Invariant(value.GetDecimal());

    private static string Invariant(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
