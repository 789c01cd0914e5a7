using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using GovPulse.Browser.Tests.Fixtures;
using GovPulse.EndToEnd.Tests.Fixtures;

namespace GovPulse.Browser.Tests;

/// <summary>
/// The page works under its own Content-Security-Policy (no inline script or style, everything from
/// its own origin, the hub's WebSocket included): a leader signs in, reads the overview with its
/// charts, the rankings, a unit and the notifications screen, and watches a live update, and the browser
/// reports no violation.
/// </summary>
public sealed class ContentSecurityPolicyTests(DashboardNode fixture) : IClassFixture<DashboardNode>
{
    // Runs in every document before the page's own scripts, from the test's side (CSP does not apply to it).
    private const string ViolationRecorder =
        "window.__cspViolations = []; document.addEventListener('securitypolicyviolation', e => " +
        "window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));";

    [Fact]
    public async Task A_leader_uses_the_whole_page_under_its_policy_without_a_single_violation()
    {
        await using var context = await fixture.NewContextAsync();
        await context.AddInitScriptAsync(ViolationRecorder);
        var page = await context.NewPageAsync();
        var console = new ConcurrentQueue<string>();
        page.Console += (_, message) => console.Enqueue($"{message.Type}: {message.Text}");
        var hub = HubFrames.Watch(page);

        var document = await page.GotoAsync("/");
        await DashboardNode.SignInAsync(page, fixture.Leader);
        await Expect(page.GetByTestId("city-total")).ToHaveTextAsync(Screens.VietnamesePoints());
        await hub.ScorecardAsync("79"); // live: the WebSocket to the hub is open and subscribed
        await ExpectChartsDrawnAsync(page);
        var received = await page.GetByTestId("count-received").TextContentAsync();
        await fixture.PostAsync(Ndjson.Received(DashboardNode.Unit, fixture.NextDossier(), DashboardNode.RecentInstant(TimeSpan.FromSeconds(1))));
        await Expect(page.GetByTestId("count-received")).Not.ToHaveTextAsync(received!);

        await page.GetByTestId("nav-rankings").ClickAsync();
        await Expect(page.GetByTestId("ranking-row").Nth(1)).ToBeVisibleAsync();
        await page.GetByTestId("ranking-search").FillAsync("tan dinh");
        await Expect(page.GetByTestId("ranking-row")).ToHaveCountAsync(1);
        await page.GetByTestId("ranking-row").Locator("a").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"#/units/{DashboardNode.Unit}"));
        await Expect(page.GetByTestId("unit-name")).ToHaveTextAsync(DashboardNode.UnitName);
        await ExpectChartsDrawnAsync(page);
        var barWidths = await page.Locator(".g-fill").EvaluateAllAsync<string[]>("bars => bars.map(b => b.style.width)");
        await page.GetByTestId("nav-notifications").ClickAsync();
        await Screens.OpenAsync(page, Screens.Notifications);

        var policy = await document!.HeaderValueAsync("content-security-policy");
        policy.Should().Contain("script-src 'self'").And.Contain("style-src 'self'").And.NotContain("unsafe-inline");
        barWidths.Should().NotBeEmpty().And.OnlyContain(w => Regex.IsMatch(w, @"^\d+(\.\d+)?%$"), "a bar's width is set through the CSSOM, which the policy allows");
        (await page.EvaluateAsync<string[]>("() => window.__cspViolations")).Should().BeEmpty();
        console.Should().NotContain(m => m.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase) || m.Contains("Refused to", StringComparison.Ordinal));
    }

    /// <summary>The server's drawings loaded as images (not the page's own fallback, which it draws when an image fails).</summary>
    private static async Task ExpectChartsDrawnAsync(IPage page)
    {
        foreach (var chart in new[] { "chart-trend", "chart-today" })
        {
            // A fresh node may not have published an hour yet: today's card then has a line, not a chart.
            await Expect(page.Locator($"[data-testid={chart}], [data-testid={chart}-empty]")).ToBeVisibleAsync();
            if (chart == "chart-today" && await page.GetByTestId(chart).CountAsync() == 0)
            {
                continue;
            }

            var image = page.GetByTestId(chart).Locator("img");
            await Expect(image).ToBeVisibleAsync();
            await page.WaitForFunctionAsync("img => img.complete && img.naturalWidth > 0", await image.ElementHandleAsync());
            await Expect(page.GetByTestId(chart).Locator("svg.fallback")).ToHaveCountAsync(0);
        }
    }
}
