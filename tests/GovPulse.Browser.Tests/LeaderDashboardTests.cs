using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Xunit.Abstractions;
using GovPulse.Browser.Tests.Fixtures;
using GovPulse.EndToEnd.Tests.Fixtures;

namespace GovPulse.Browser.Tests;

/// <summary>A leader on a phone: signs in, reads the city, watches it move, finds a commune, switches language.</summary>
public sealed class LeaderDashboardTests(DashboardNode fixture, ITestOutputHelper output) : IClassFixture<DashboardNode>
{
    private static readonly string[] Groups = ["PUBLICITY", "PROGRESS", "ONLINE", "PAYMENT", "DIGITIZATION", "SATISFACTION"];

    [Fact]
    public async Task A_leader_signs_in_through_the_form_and_the_overview_shows_the_citys_figures()
    {
        await using var context = await fixture.NewContextAsync();

        var page = await DashboardNode.SignInAsync(context, fixture.Leader);

        await Expect(page).ToHaveURLAsync(new Regex("#/$"));
        await Expect(page.GetByTestId("user")).ToHaveTextAsync($"{fixture.Leader.DisplayName} · Lãnh đạo");
        await Expect(page.GetByTestId("city-total")).ToHaveTextAsync(Screens.VietnamesePoints());
        await Expect(page.GetByTestId("city-band")).ToHaveTextAsync(Screens.VietnameseBand());
        await Expect(page.Locator("[data-testid^='group-bar-']")).ToHaveCountAsync(6);
        foreach (var group in Groups)
        {
            await Expect(page.GetByTestId($"group-bar-{group}").Locator(".g-score")).ToHaveTextAsync(new Regex(@"^\d{1,2},\d{2} / \d{1,2}$"));
        }

        await Expect(page.GetByTestId("count-received")).ToHaveTextAsync(new Regex(@"^\d+$"));
        await Expect(page.GetByTestId("updated-at")).ToHaveTextAsync(new Regex(@"^Cập nhật lúc \d{2}:\d{2}:\d{2}$"));
        await Expect(page.GetByTestId("stale-banner")).ToBeHiddenAsync();

        await page.GetByTestId("nav-rankings").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("#/rankings$"));
        await Expect(page.GetByTestId("nav-rankings")).ToHaveAttributeAsync("aria-current", "page");
        await Expect(page.GetByTestId("ranking-row").First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task An_event_posted_through_the_API_shows_on_the_open_overview_within_two_seconds_without_a_reload()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        var hub = HubFrames.Watch(page);
        await DashboardNode.SignInAsync(page, fixture.Leader, "/#/");
        await Expect(page.GetByTestId("city-total")).ToHaveTextAsync(Screens.VietnamesePoints());
        await hub.ScorecardAsync("79"); // subscribed: the hub has sent the city's scorecard
        var received = int.Parse(await page.GetByTestId("count-received").TextContentAsync() ?? "", NumberStyles.AllowThousands, CultureInfo.GetCultureInfo("vi-VN"));
        var stampedAt = await page.GetByTestId("updated-at").GetAttributeAsync("data-at");
        await page.EvaluateAsync("() => { window.sameDocument = true; }"); // a reload would forget it

        var posted = Stopwatch.StartNew();
        await fixture.PostAsync(Ndjson.Received(DashboardNode.Unit, fixture.NextDossier(), DashboardNode.RecentInstant(TimeSpan.FromSeconds(1))));

        var twoSeconds = new LocatorAssertionsToHaveTextOptions { Timeout = 2_000 };
        await Expect(page.GetByTestId("count-received")).ToHaveTextAsync((received + 1).ToString("N0", CultureInfo.GetCultureInfo("vi-VN")), twoSeconds);
        await Expect(page.GetByTestId("updated-at")).Not.ToHaveAttributeAsync("data-at", stampedAt!, new LocatorAssertionsToHaveAttributeOptions { Timeout = 2_000 });
        output.WriteLine($"The overview showed the posted event {posted.ElapsedMilliseconds} ms after the post began.");
        (await page.EvaluateAsync<bool>("() => window.sameDocument === true")).Should().BeTrue("the figures change in place, without a reload");
    }

    [Fact]
    public async Task Searching_the_rankings_without_diacritics_finds_the_commune()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await DashboardNode.SignInAsync(context, fixture.Leader, "/#/rankings");
        await Expect(page).ToHaveURLAsync(new Regex("#/rankings$"), new PageAssertionsToHaveURLOptions { Timeout = 5_000 }); // back where the sign-in began
        await Expect(page.GetByTestId("ranking-row").Nth(1)).ToBeVisibleAsync();

        await page.GetByTestId("ranking-search").FillAsync("tan dinh");

        var rows = page.GetByTestId("ranking-row");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows).ToHaveAttributeAsync("data-unit-code", DashboardNode.Unit);
        await Expect(rows.Locator(".unit-name")).ToHaveTextAsync(DashboardNode.UnitName);
        await Expect(page).ToHaveURLAsync(new Regex(@"#/rankings\?.*q=tan(\+|%20)dinh"));

        await page.GetByTestId("ranking-search").FillAsync("TÂN ĐỊNH");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows).ToHaveAttributeAsync("data-unit-code", DashboardNode.Unit);
    }

    [Fact]
    public async Task The_language_toggle_switches_to_English_and_back_with_Vietnamese_numbers_in_Vietnamese()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await DashboardNode.SignInAsync(context, fixture.Leader);
        await Expect(page.GetByTestId("city-total")).ToHaveTextAsync(Screens.VietnamesePoints());
        await Expect(page.GetByTestId("nav-overview")).ToHaveTextAsync("Tổng quan");

        await page.GetByTestId("lang-toggle").ClickAsync();

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.GetByTestId("nav-overview")).ToHaveTextAsync("Overview");
        await Expect(page.GetByTestId("nav-rankings")).ToHaveTextAsync("Rankings");
        await Expect(page.GetByTestId("lang-toggle")).ToHaveTextAsync("Tiếng Việt");
        await Expect(page.GetByTestId("updated-at")).ToHaveTextAsync(new Regex(@"^Updated at \d{2}:\d{2}:\d{2}$"));
        await Expect(page.GetByTestId("city-total")).ToHaveTextAsync(Screens.EnglishPoints());

        await page.ReloadAsync();
        await Expect(page.GetByTestId("nav-overview")).ToHaveTextAsync("Overview", new LocatorAssertionsToHaveTextOptions { Timeout = 15_000 });

        await page.GetByTestId("lang-toggle").ClickAsync();

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "vi");
        await Expect(page.GetByTestId("nav-overview")).ToHaveTextAsync("Tổng quan");
        await Expect(page.GetByTestId("lang-toggle")).ToHaveTextAsync("English");
        await Expect(page.GetByTestId("updated-at")).ToHaveTextAsync(new Regex(@"^Cập nhật lúc \d{2}:\d{2}:\d{2}$"));
        await Expect(page.GetByTestId("city-total")).ToHaveTextAsync(Screens.VietnamesePoints());
        (await page.EvaluateAsync<string>("() => localStorage.getItem('govpulse.lang')")).Should().Be("vi");
    }
}
