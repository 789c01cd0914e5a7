using System.Globalization;
using GovPulse.Browser.Tests.Fixtures;
using GovPulse.EndToEnd.Tests.Fixtures;

namespace GovPulse.Browser.Tests;

/// <summary>The page says when its figures may be old, and recovers by itself, without a reload.</summary>
public sealed class ConnectionTests(DashboardNode fixture) : IClassFixture<DashboardNode>
{
    private const string StaleWords = "Mất kết nối — số liệu có thể chưa mới nhất";

    [Fact]
    public async Task The_stale_banner_shows_when_the_connection_drops_and_goes_away_when_the_page_is_live_again()
    {
        await using var network = new NetworkCut(fixture.Node.BaseAddress);
        await using var context = await fixture.NewContextAsync(address: network.Address);
        var page = await context.NewPageAsync();
        var hub = HubFrames.Watch(page);
        await DashboardNode.SignInAsync(page, fixture.Leader, "/#/");
        await hub.ScorecardAsync("79");
        var opened = hub.Opened;
        var stale = page.GetByTestId("stale-banner");
        await Expect(stale).ToBeHiddenAsync();
        await page.EvaluateAsync("() => { window.sameDocument = true; }");

        network.Cut();

        await hub.ClosedAsync(1);
        await Expect(stale).ToBeVisibleAsync();
        await Expect(stale).ToHaveTextAsync(StaleWords);

        network.Restore();

        // The page reconnects by itself (1, 2, 4 … 15 s apart) and re-subscribes.
        await hub.OpenedAsync(opened + 1);
        await Expect(stale).ToBeHiddenAsync(new LocatorAssertionsToBeHiddenOptions { Timeout = 30_000 });
        var received = await ReceivedAsync(page);
        await fixture.PostAsync(Ndjson.Received(DashboardNode.Unit, fixture.NextDossier(), DashboardNode.RecentInstant(TimeSpan.FromSeconds(1))));
        await Expect(page.GetByTestId("count-received")).ToHaveTextAsync((received + 1).ToString("N0", CultureInfo.GetCultureInfo("vi-VN")));
        (await page.EvaluateAsync<bool>("() => window.sameDocument === true")).Should().BeTrue("the page recovered without a reload");
    }

    [Fact]
    public async Task The_stale_banner_shows_while_the_browser_is_offline()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await DashboardNode.SignInAsync(context, fixture.Leader);
        var stale = page.GetByTestId("stale-banner");
        await Expect(page.GetByTestId("city-total")).ToHaveTextAsync(Screens.VietnamesePoints());
        await Expect(stale).ToBeHiddenAsync();

        await context.SetOfflineAsync(true);

        await Expect(stale).ToBeVisibleAsync();
        await Expect(stale).ToHaveTextAsync(StaleWords);

        await context.SetOfflineAsync(false);

        await Expect(stale).ToBeHiddenAsync(new LocatorAssertionsToBeHiddenOptions { Timeout = 30_000 });
    }

    private static async Task<int> ReceivedAsync(IPage page) =>
        int.Parse(await page.GetByTestId("count-received").TextContentAsync() ?? "", NumberStyles.AllowThousands, CultureInfo.GetCultureInfo("vi-VN"));
}
