using System.Globalization;
using GovPulse.Browser.Tests.Fixtures;

namespace GovPulse.Browser.Tests;

/// <summary>
/// The download menu (issue 15, item 8) on a 360×740 phone: "Xuất CSV / Excel / biểu đồ" on the rankings
/// and the unit page lists the five formats as real download links to the exports API for the level,
/// unit and period on screen and the page's language; the optional "Số liệu tại thời điểm" adds asOf
/// (Vietnam time, +07:00), refuses a time it cannot read or one in the future, and the menu passes axe.
/// </summary>
public sealed class DownloadMenuTests(DashboardNode fixture) : IClassFixture<DashboardNode>
{
    private static readonly string[] Formats = ["csv", "xlsx", "pdf", "png", "svg"];

    /// <summary>How long a file may take to start downloading: it ranks every commune as known at now (bounded; CI shares two cores with the node tests).</summary>
    private static readonly TimeSpan ExportTimeout = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task The_rankings_menu_lists_the_five_formats_for_the_level_and_period_on_screen()
    {
        var quarter = LastQuarter();
        await using var context = await fixture.NewContextAsync(Viewport.Phone);
        var page = await DashboardNode.SignInAsync(context, fixture.Auditor, $"/#/rankings?level=department&period={quarter}");
        var menu = page.GetByTestId("downloads");
        await Expect(page.GetByTestId("downloads-toggle")).ToHaveTextAsync("Xuất CSV / Excel / biểu đồ");
        await Expect(page.GetByTestId("download-csv")).ToBeHiddenAsync(); // closed until asked

        await page.GetByTestId("downloads-toggle").ClickAsync();

        await Expect(menu).ToHaveAttributeAsync("open", "");
        await Expect(menu.Locator("a")).ToHaveTextAsync(["CSV", "Excel", "PDF", "Biểu đồ PNG", "Biểu đồ SVG"]);
        foreach (var format in Formats)
        {
            var link = page.GetByTestId($"download-{format}");
            await Expect(link).ToHaveAttributeAsync("href", $"/api/v1/exports/rankings?format={format}&lang=vi&level=department&period={quarter}");
            await Expect(link).ToHaveAttributeAsync("download", "");
        }

        await ExpectFitsAsync(page);
    }

    [Fact]
    public async Task The_as_known_at_time_adds_asOf_in_Vietnam_time_and_a_wrong_or_future_time_leaves_no_link()
    {
        await using var context = await fixture.NewContextAsync(Viewport.Phone);
        var page = await DashboardNode.SignInAsync(context, fixture.Auditor, "/#/rankings?period=2026-09");
        await page.GetByTestId("downloads-toggle").ClickAsync();
        var field = page.GetByTestId("downloads-as-of");
        var csv = page.GetByTestId("download-csv");
        var error = page.GetByTestId("downloads-as-of-error");
        await Expect(page.Locator("label[for=dl-as-of]")).ToHaveTextAsync("Số liệu tại thời điểm (giờ Việt Nam)");

        await field.FillAsync("30/09/2026 17:00");
        await Expect(csv).ToHaveAttributeAsync("href", "/api/v1/exports/rankings?asOf=2026-09-30T17%3A00%3A00%2B07%3A00&format=csv&lang=vi&level=commune&period=2026-09");

        // A time copied from a file's X-GovPulse-As-Of (any offset) is the same instant in Vietnam time, to the second.
        await field.FillAsync("2026-09-30T10:00:05Z");
        await Expect(page.GetByTestId("download-xlsx")).ToHaveAttributeAsync("href", "/api/v1/exports/rankings?asOf=2026-09-30T17%3A00%3A05%2B07%3A00&format=xlsx&lang=vi&level=commune&period=2026-09");

        await field.FillAsync("31/02/2026 10:00");
        await field.BlurAsync();
        await Expect(error).ToHaveTextAsync("Thời điểm không hợp lệ: nhập theo dạng dd/mm/yyyy hh:mm, ví dụ 30/11/2026 17:00.");
        await Expect(field).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(csv).Not.ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("."));
        await Expect(csv).ToHaveAttributeAsync("aria-disabled", "true");

        await field.FillAsync("01/01/2100 00:00");
        await field.BlurAsync();
        await Expect(error).ToHaveTextAsync("Thời điểm không được sau hiện tại.");
        await Expect(csv).ToHaveAttributeAsync("aria-disabled", "true");

        // Emptied: the figures now, no asOf.
        await field.FillAsync("");
        await field.BlurAsync();
        await Expect(error).ToBeHiddenAsync();
        await Expect(csv).ToHaveAttributeAsync("href", "/api/v1/exports/rankings?format=csv&lang=vi&level=commune&period=2026-09");
        await Expect(csv).Not.ToHaveAttributeAsync("aria-disabled", "true");
    }

    [Fact]
    public async Task The_unit_page_menu_names_the_units_scorecard_and_the_citys_in_the_pages_language()
    {
        var month = DashboardNode.RecentInstant(TimeSpan.Zero).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        await using var context = await fixture.NewContextAsync(Viewport.Phone);
        await context.AddInitScriptAsync("localStorage.setItem('govpulse.lang', 'en')");
        var page = await DashboardNode.SignInAsync(context, fixture.Leader, $"/#/units/{DashboardNode.Unit}");
        await Expect(page.GetByTestId("unit-name")).ToHaveTextAsync(DashboardNode.UnitName);

        await Expect(page.GetByTestId("downloads-toggle")).ToHaveTextAsync("Export CSV / Excel / chart");
        await page.GetByTestId("downloads-toggle").ClickAsync();
        await Expect(page.GetByTestId("downloads").Locator("a")).ToHaveTextAsync(["CSV", "Excel", "PDF", "Chart PNG", "Chart SVG"]);
        foreach (var format in Formats)
        {
            await Expect(page.GetByTestId($"download-{format}")).ToHaveAttributeAsync("href", $"/api/v1/exports/units/{DashboardNode.Unit}/scorecard?format={format}&lang=en&period={month}");
        }

        await ExpectFitsAsync(page);

        await page.EvaluateAsync("hash => { location.hash = hash; }", "#/units/79?period=2026-Q3");
        await Expect(page.GetByTestId("download-pdf")).ToHaveAttributeAsync("href", "/api/v1/exports/units/79/scorecard?format=pdf&lang=en&period=2026-Q3");
    }

    [Fact]
    public async Task The_open_menu_has_no_WCAG_2_1_A_or_AA_violation_on_the_rankings_and_the_unit_page()
    {
        await using var context = await fixture.NewContextAsync(Viewport.Phone);
        await Axe.InstallAsync(context);
        var page = await context.NewPageAsync();
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { ReducedMotion = ReducedMotion.Reduce });
        await DashboardNode.SignInAsync(page, fixture.Auditor);

        var found = new List<string>();
        foreach (var screen in new[] { Screens.Rankings, Screens.Unit })
        {
            await Screens.OpenAsync(page, screen);
            await page.GetByTestId("downloads-toggle").ClickAsync();
            await page.GetByTestId("downloads-as-of").FillAsync("31/02/2026 10:00");
            await page.GetByTestId("downloads-as-of").BlurAsync();
            await Expect(page.GetByTestId("downloads-as-of-error")).ToBeVisibleAsync();
            found.AddRange((await Axe.ViolationsAsync(page)).Select(v => $"{screen}: {v}"));
        }

        found.Should().BeEmpty("the download menu, open and with its error shown, meets WCAG 2.1 A and AA");
    }

    /// <summary>Needs the exports API (issue 15): the link saves the file under the name the server gives it.</summary>
    [Fact]
    public async Task A_download_link_saves_the_file_under_the_name_the_server_gives()
    {
        var month = DashboardNode.RecentInstant(TimeSpan.Zero).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        await using var context = await fixture.NewContextAsync(Viewport.Phone);
        var page = await DashboardNode.SignInAsync(context, fixture.Auditor, "/#/rankings");
        await page.GetByTestId("downloads-toggle").ClickAsync();

        // The file is made before its first byte is sent: the heaviest request of these screens, so its bound is the export's, not a screen's.
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("download-csv").ClickAsync(), new PageRunAndWaitForDownloadOptions { Timeout = (float)ExportTimeout.TotalMilliseconds });

        download.SuggestedFilename.Should().Be($"xep-hang-phuong-xa-{month}.csv");
        (await download.FailureAsync()).Should().BeNull();
        var path = await download.PathAsync();
        (await File.ReadAllTextAsync(path)).Should().Contain(DashboardNode.UnitName);
    }

    /// <summary>The quarter before this one, as the API writes it: "2026-Q3".</summary>
    private static string LastQuarter()
    {
        var at = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7)).AddMonths(-3);
        return $"{at.Year}-Q{((at.Month - 1) / 3) + 1}";
    }

    private static async Task ExpectFitsAsync(IPage page)
    {
        var (scrollWidth, innerWidth) = (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth"), await page.EvaluateAsync<int>("() => innerWidth"));
        scrollWidth.Should().BeLessThanOrEqualTo(innerWidth, "the open menu fits the phone without scrolling sideways");
    }
}
