using System.Globalization;
using System.Text.Json;
using GovPulse.Browser.Tests.Fixtures;
using GovPulse.EndToEnd.Tests.Fixtures;

namespace GovPulse.Browser.Tests;

/// <summary>
/// Live updates can be checked (issue 13): every push carries its version and the version of the
/// push before it, so a page that lost one on the way notices at the next and fetches the figures
/// again; after its link comes back it fetches again too. Real node, real Chromium; the push is lost
/// inside the browser's own WebSocket routing.
/// </summary>
public sealed class LiveVersionTests(DashboardNode fixture) : IClassFixture<DashboardNode>
{
    private const string City = "79";
    private const string CityFigures = "/api/v1/units/79/comparison";

    [Fact]
    public async Task A_page_that_missed_a_push_sees_the_gap_by_version_at_the_next_one_fetches_again_and_shows_the_right_figures()
    {
        await using var context = await fixture.NewContextAsync();
        var (page, relay, fetches, received) = await OpenOverviewAsync(context);

        var dropping = relay.DropNextPushOf(City);
        await fixture.PostAsync(Ndjson.Received(DashboardNode.Unit, fixture.NextDossier(), DashboardNode.RecentInstant(TimeSpan.FromSeconds(1))));
        var lost = await dropping;
        Field(lost, "version").Should().BeGreaterThan(0, "versions are the units' log positions, numbered by the unit grains (issue 13)");
        await Expect(page.GetByTestId("count-received")).ToHaveTextAsync(Vietnamese(received));
        var fetchedBefore = fetches.Count;

        await fixture.PostAsync(Ndjson.Received(DashboardNode.Unit, fixture.NextDossier(), DashboardNode.RecentInstant(TimeSpan.FromSeconds(1))));

        var next = await relay.ScorecardAsync(City, m => HubRelay.IsPush(m) && Field(m, "version") > Field(lost, "version"));
        Field(next, "previousVersion").Should().Be(Field(lost, "version"), "the next push names the push the page never got");
        await fetches.AtLeastAsync(fetchedBefore + 1);
        await Expect(page.GetByTestId("count-received")).ToHaveTextAsync(Vietnamese(received + 2));
    }

    [Fact]
    public async Task A_page_whose_link_drops_fetches_its_figures_again_once_the_link_is_back()
    {
        await using var context = await fixture.NewContextAsync();
        var (page, relay, fetches, received) = await OpenOverviewAsync(context);

        // The page misses a push, then its link drops: what it shows is old until it fetches again.
        var dropping = relay.DropNextPushOf(City);
        await fixture.PostAsync(Ndjson.Received(DashboardNode.Unit, fixture.NextDossier(), DashboardNode.RecentInstant(TimeSpan.FromSeconds(1))));
        await dropping;
        var fetchedBefore = fetches.Count;
        var opened = relay.Opened;
        await relay.CloseLatestAsync();

        await Expect(page.GetByTestId("stale-banner")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("stale-banner")).ToBeHiddenAsync(new LocatorAssertionsToBeHiddenOptions { Timeout = 30_000 });
        relay.Opened.Should().BeGreaterThan(opened, "the page opened a new link by itself");
        await fetches.AtLeastAsync(fetchedBefore + 1);
        await Expect(page.GetByTestId("count-received")).ToHaveTextAsync(Vietnamese(received + 1));
    }

    /// <summary>A leader's overview, its hub link relayed (so pushes can be lost) and its figure fetches logged, once it shows the city's count.</summary>
    private async Task<(IPage Page, HubRelay Relay, RequestLog Fetches, int Received)> OpenOverviewAsync(IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        var relay = await HubRelay.RouteAsync(page);
        var fetches = new RequestLog(page, CityFigures);
        await DashboardNode.SignInAsync(page, fixture.Leader, "/#/");
        await relay.ScorecardAsync(City);
        await Expect(page.GetByTestId("count-received")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d"));
        await fetches.AtLeastAsync(1);
        return (page, relay, fetches, await ReceivedAsync(page));
    }

    private static long Field(string message, string name)
    {
        using var json = JsonDocument.Parse(message);
        return json.RootElement.GetProperty("arguments")[0].GetProperty(name).GetInt64();
    }

    private static string Vietnamese(int count) => count.ToString("N0", CultureInfo.GetCultureInfo("vi-VN"));

    private static async Task<int> ReceivedAsync(IPage page) =>
        int.Parse(await page.GetByTestId("count-received").TextContentAsync() ?? "", NumberStyles.AllowThousands, CultureInfo.GetCultureInfo("vi-VN"));
}
