using System.Globalization;
using System.Text.RegularExpressions;
using GovPulse.Browser.Tests.Fixtures;

namespace GovPulse.Browser.Tests;

/// <summary>
/// The dossiers to chase on a 360×740 phone: a unit's list says of each dossier what is true (why it
/// is overdue, since when), its tabs count what they list, it pages, and the unit page's button and
/// the leaders' city-wide view agree with it.
/// </summary>
public sealed class ChaseScreenTests(ChaseNode fixture) : IClassFixture<ChaseNode>
{
    private static string UnitList(string unit, string? show = null, int? page = null)
    {
        var query = new List<string>();
        if (show is not null)
        {
            query.Add("show=" + show);
        }

        if (page is not null)
        {
            query.Add("page=" + page);
        }

        return $"/#/units/{unit}/late" + (query.Count > 0 ? "?" + string.Join('&', query) : "");
    }

    private static ILocator Row(IPage page, string dossier) => page.Locator($"[data-testid=late-row][data-dossier-id='{dossier}']");

    [Fact]
    public async Task Each_dossier_reads_as_a_true_phrase_with_its_channel_in_Vietnamese_and_in_English()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await DashboardNode.SignInAsync(context, fixture.Leader, UnitList(ChaseNode.Unit, "in-progress"));
        await Expect(page.GetByTestId("late-row")).ToHaveCountAsync(fixture.Seed.Phrases.Count);

        foreach (var (dossier, channel, vietnamese, _) in fixture.Seed.Phrases)
        {
            await Expect(Row(page, dossier).GetByTestId("late-channel")).ToHaveTextAsync(channel);
            await Expect(Row(page, dossier).GetByTestId("late-phrase")).ToHaveTextAsync(vietnamese is null ? new Regex(@"^Còn \d+ ngày làm việc$") : new Regex("^" + Regex.Escape(vietnamese) + "$"));
        }

        await Expect(Row(page, ChaseSeed.Supplements)).ToHaveAttributeAsync("data-reason", "secondSupplementRequest");
        await Expect(Row(page, ChaseSeed.DaysLate)).ToHaveAttributeAsync("data-reason", "duePassed");
        await Expect(Row(page, ChaseSeed.DaysLate).GetByTestId("late-dates")).ToContainTextAsync("Hẹn trả " + fixture.Seed.DaysLateDue.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
        await Artifacts.ScreenshotAsync(page, "late-phrases", Viewport.Phone);

        await page.GetByTestId("lang-toggle").ClickAsync();

        await Expect(page.GetByTestId("late-title")).ToHaveTextAsync("Dossiers in progress — Phường Tân Định");
        foreach (var (dossier, _, _, english) in fixture.Seed.Phrases)
        {
            await Expect(Row(page, dossier).GetByTestId("late-phrase")).ToHaveTextAsync(english is null ? new Regex(@"^\d+ working days? left$") : new Regex("^" + Regex.Escape(english) + "$"));
        }

        await Expect(Row(page, ChaseSeed.SinceDay).GetByTestId("late-channel")).ToHaveTextAsync("In person");
        await Expect(Row(page, ChaseSeed.SinceToday).GetByTestId("late-channel")).ToHaveTextAsync("Public postal service");
    }

    [Fact]
    public async Task Each_tab_is_titled_by_what_it_lists_and_its_count_equals_the_rows_listed()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await DashboardNode.SignInAsync(context, fixture.Leader, UnitList(ChaseNode.Unit));
        var expected = new Dictionary<string, (string Title, string[] Dossiers)>
        {
            ["overdue"] = ("Hồ sơ quá hạn", [ChaseSeed.DaysLate, ChaseSeed.SinceDay, ChaseSeed.SinceToday, ChaseSeed.Supplements]),
            ["due-soon"] = ("Hồ sơ sắp đến hạn", [ChaseSeed.DueToday]),
            ["in-progress"] = ("Hồ sơ đang giải quyết", [.. fixture.Seed.Phrases.Select(p => p.Dossier)]),
        };

        foreach (var (show, (title, dossiers)) in expected)
        {
            await page.GetByTestId($"late-show-{show}").ClickAsync();

            await Expect(page.GetByTestId($"late-show-{show}")).ToHaveAttributeAsync("aria-current", "page");
            await Expect(page.GetByTestId("late-title")).ToHaveTextAsync($"{title} — {DashboardNode.UnitName}");
            await Expect(page).ToHaveTitleAsync($"{title} — {DashboardNode.UnitName} — GovPulse");
            await Expect(page.GetByTestId("late-row")).ToHaveCountAsync(dossiers.Length);
            foreach (var dossier in dossiers)
            {
                await Expect(Row(page, dossier)).ToBeVisibleAsync();
            }

            foreach (var (tab, (_, listed)) in expected)
            {
                await Expect(page.GetByTestId($"late-count-{tab}")).ToHaveTextAsync(listed.Length.ToString(CultureInfo.InvariantCulture));
            }

            await Expect(page.GetByTestId("late-page")).ToHaveCountAsync(0); // one page: no pager
        }
    }

    [Fact]
    public async Task A_long_list_is_paged_fifty_at_a_time_and_fits_the_phone()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await DashboardNode.SignInAsync(context, fixture.Leader, UnitList(ChaseNode.BusyUnit, "in-progress"));
        var total = ChaseNode.BusyInProgress + 1; // and its one overdue dossier

        await Expect(page.GetByTestId("late-count-in-progress")).ToHaveTextAsync(total.ToString(CultureInfo.InvariantCulture));
        await Expect(page.GetByTestId("late-row")).ToHaveCountAsync(50);
        await Expect(page.GetByTestId("late-page")).ToHaveTextAsync("Trang 1/2");
        await Expect(page.GetByTestId("late-prev")).ToHaveAttributeAsync("aria-disabled", "true");
        (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).Should().BeLessThanOrEqualTo(360, "the list does not scroll sideways");
        (await page.EvaluateAsync<int>("() => document.documentElement.scrollHeight")).Should().BeLessThan(10_000, "fifty short rows a page, not every open dossier (37,000 px before)");
        var firstPage = await page.GetByTestId("late-row").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.dossierId)");

        await page.GetByTestId("late-next").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"[?&]page=2(&|$)"));
        await Expect(page.GetByTestId("late-page")).ToHaveTextAsync("Trang 2/2");
        await Expect(page.GetByTestId("late-row")).ToHaveCountAsync(total - 50);
        await Expect(page.GetByTestId("late-next")).ToHaveAttributeAsync("aria-disabled", "true");
        var secondPage = await page.GetByTestId("late-row").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.dossierId)");
        firstPage.Concat(secondPage).Should().OnlyHaveUniqueItems().And.HaveCount(total, "the two pages together list every open dossier once");

        await page.ReloadAsync();
        await Expect(page.GetByTestId("late-page")).ToHaveTextAsync("Trang 2/2", new LocatorAssertionsToHaveTextOptions { Timeout = 15_000 });

        await page.GetByTestId("late-prev").ClickAsync();
        await Expect(page.GetByTestId("late-page")).ToHaveTextAsync("Trang 1/2");
        await Expect(page.GetByTestId("late-row")).ToHaveCountAsync(50);
    }

    [Fact]
    public async Task The_unit_pages_button_counts_the_open_overdue_dossiers_that_the_overdue_tab_lists()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await DashboardNode.SignInAsync(context, fixture.Leader, $"/#/units/{ChaseNode.Unit}");

        await Expect(page.GetByTestId("late-link")).ToHaveTextAsync("Xem hồ sơ quá hạn (4)");
        await page.GetByTestId("late-link").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex($"#/units/{ChaseNode.Unit}/late"));
        await Expect(page.GetByTestId("late-count-overdue")).ToHaveTextAsync("4");
        await Expect(page.GetByTestId("late-row")).ToHaveCountAsync(4);

        await page.EvaluateAsync("hash => { location.hash = hash; }", $"#/units/{ChaseNode.BusyUnit}");
        await Expect(page.GetByTestId("late-link")).ToHaveTextAsync("Xem hồ sơ quá hạn (1)");
    }

    [Fact]
    public async Task A_dossier_links_to_the_one_stop_system_in_a_new_tab_without_handing_it_the_page()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await DashboardNode.SignInAsync(context, fixture.Leader, UnitList(ChaseNode.Unit));
        var link = Row(page, ChaseSeed.DaysLate).GetByTestId("late-source");

        await Expect(link).ToHaveTextAsync("Mở trong hệ thống một cửa");
        await Expect(link).ToHaveAttributeAsync("href", ChaseNode.SourceUrlTemplate.Replace("{dossierId}", ChaseSeed.DaysLate, StringComparison.Ordinal));
        await Expect(link).ToHaveAttributeAsync("target", "_blank");
        await Expect(link).ToHaveAttributeAsync("rel", "noopener noreferrer");
    }

    [Fact]
    public async Task A_leader_goes_from_the_overview_to_the_city_wide_list_of_units_worst_first_and_filters_by_level()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await DashboardNode.SignInAsync(context, fixture.Leader);
        var overdue = ChaseSeed.OverdueByUnit.Sum(u => u.Overdue);

        await Expect(page.GetByTestId("chase-entry")).ToHaveTextAsync($"{overdue} hồ sơ quá hạn ở {ChaseSeed.OverdueByUnit.Length} đơn vị — xem");
        await page.GetByTestId("chase-entry").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("#/chase$"));
        await Expect(page.GetByTestId("chase-title")).ToHaveTextAsync("Hồ sơ quá hạn toàn thành phố");
        await Expect(page.GetByTestId("late-count-overdue")).ToHaveTextAsync(overdue.ToString(CultureInfo.InvariantCulture));
        var units = page.GetByTestId("chase-unit");
        await Expect(units).ToHaveCountAsync(ChaseSeed.OverdueByUnit.Length);
        (await units.EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.unitCode)"))
            .Should().Equal(ChaseSeed.OverdueByUnit.Select(u => u.Unit), "the unit with the most overdue dossiers comes first");
        (await units.EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.count)"))
            .Should().Equal(ChaseSeed.OverdueByUnit.Select(u => u.Overdue.ToString(CultureInfo.InvariantCulture)));
        var first = units.First;
        await Expect(first.Locator("h2")).ToHaveTextAsync(DashboardNode.UnitName);
        await Expect(first.GetByTestId("late-phrase").First).ToHaveTextAsync(new Regex("^(Quá hạn|Tính là quá hạn)"));
        await Expect(first.GetByTestId("chase-unit-all")).ToHaveTextAsync("Xem cả 4 hồ sơ của đơn vị");
        (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).Should().BeLessThanOrEqualTo(360);
        await Artifacts.ScreenshotAsync(page, Screens.Chase + "-worst-first", Viewport.Phone);

        await page.GetByTestId("chase-level-department").ClickAsync();

        await Expect(units).ToHaveCountAsync(1);
        await Expect(units).ToHaveAttributeAsync("data-unit-code", ChaseNode.Department);
        await Expect(page.GetByTestId("chase-summary")).ToHaveTextAsync("2 hồ sơ quá hạn ở 1 đơn vị");

        await page.GetByTestId("chase-level-all").ClickAsync();
        await first.GetByTestId("chase-unit-all").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex($"#/units/{ChaseNode.Unit}/late$"));
        await Expect(page.GetByTestId("late-row")).ToHaveCountAsync(4);
    }

    [Fact]
    public async Task A_department_head_sees_their_own_units_count_but_no_city_wide_view()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await DashboardNode.SignInAsync(context, fixture.Head);
        await Expect(page).ToHaveURLAsync(new Regex($"#/units/{ChaseNode.Unit}$"));
        await Expect(page.GetByTestId("late-link")).ToHaveTextAsync("Xem hồ sơ quá hạn (4)");
        await Expect(page.GetByTestId("chase-entry")).ToHaveCountAsync(0);

        await page.EvaluateAsync("hash => { location.hash = hash; }", "#/chase");

        await Expect(page).ToHaveURLAsync(new Regex($"#/units/{ChaseNode.Unit}$"));
        await Expect(page.GetByTestId("chase-list")).ToHaveCountAsync(0);
        const string status = "async path => (await fetch(path, { credentials: 'same-origin', headers: { Accept: 'application/json' } })).status";
        (await page.EvaluateAsync<int>(status, "/api/v1/chase")).Should().Be(403);
    }
}
