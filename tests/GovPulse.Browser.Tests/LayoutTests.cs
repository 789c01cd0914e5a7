using GovPulse.Browser.Tests.Fixtures;

namespace GovPulse.Browser.Tests;

/// <summary>
/// Phone first: every screen fits 360×740 with nothing wider than the viewport, the main
/// navigation is easy to hit with a thumb, and each screen is kept as a screenshot at 360×740 and
/// 1280×800 in artifacts/screenshots/.
/// </summary>
public sealed class LayoutTests(DashboardNode fixture) : IClassFixture<DashboardNode>
{
    /// <summary>Every element whose right edge is beyond the viewport, described so a failure says which.</summary>
    private const string Overflowing = """
        () => [...document.querySelectorAll('*')]
          .filter(e => e.getBoundingClientRect().right > innerWidth + 0.5)
          .map(e => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}${e.dataset.testid ? '[data-testid=' + e.dataset.testid + ']' : ''}${typeof e.className === 'string' && e.className ? '.' + e.className.trim().split(/\s+/).join('.') : ''} right=${e.getBoundingClientRect().right.toFixed(1)}`)
        """;

    [Fact]
    public async Task Every_screen_fits_a_360_pixel_phone_without_horizontal_scroll()
    {
        await using var context = await fixture.NewContextAsync(Viewport.Phone);
        var page = await context.NewPageAsync();
        await Screens.OpenAsync(page, Screens.SignIn);
        await ExpectFitsAsync(page, Screens.SignIn);
        await Artifacts.ScreenshotAsync(page, Screens.SignIn, Viewport.Phone);
        await DashboardNode.SignInAsync(page, fixture.Leader);

        foreach (var screen in Screens.SignedIn)
        {
            await Screens.OpenAsync(page, screen);
            await ExpectFitsAsync(page, screen);
            await Artifacts.ScreenshotAsync(page, screen, Viewport.Phone);
        }
    }

    [Fact]
    public async Task The_main_navigation_and_header_buttons_are_at_least_44_pixels_on_a_phone()
    {
        await using var context = await fixture.NewContextAsync(Viewport.Phone);
        var page = await DashboardNode.SignInAsync(context, fixture.Leader);
        await Screens.OpenAsync(page, Screens.Overview);

        foreach (var testId in new[] { "nav-overview", "nav-rankings", "nav-notifications", "lang-toggle", "signout" })
        {
            var target = page.GetByTestId(testId);
            await Expect(target).ToBeVisibleAsync();
            var box = await target.BoundingBoxAsync();
            box.Should().NotBeNull();
            box!.Height.Should().BeGreaterThanOrEqualTo(44, $"{testId} is a touch target");
            box.Width.Should().BeGreaterThanOrEqualTo(44, $"{testId} is a touch target");
        }
    }

    [Fact]
    public async Task Every_screen_is_kept_as_a_screenshot_at_1280_by_800()
    {
        await using var context = await fixture.NewContextAsync(Viewport.Desktop);
        var page = await context.NewPageAsync();
        await Screens.OpenAsync(page, Screens.SignIn);
        await Artifacts.ScreenshotAsync(page, Screens.SignIn, Viewport.Desktop);
        await DashboardNode.SignInAsync(page, fixture.Leader);

        foreach (var screen in Screens.SignedIn)
        {
            await Screens.OpenAsync(page, screen);
            await ExpectFitsAsync(page, screen);
            var path = await Artifacts.ScreenshotAsync(page, screen, Viewport.Desktop);
            new FileInfo(path).Length.Should().BeGreaterThan(0);
        }
    }

    private static async Task ExpectFitsAsync(IPage page, string screen)
    {
        var wide = await page.EvaluateAsync<string[]>(Overflowing);
        wide.Should().BeEmpty($"nothing on the {screen} screen may be wider than the viewport");
        var (scrollWidth, innerWidth) = (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth"), await page.EvaluateAsync<int>("() => innerWidth"));
        scrollWidth.Should().BeLessThanOrEqualTo(innerWidth, $"the {screen} screen does not scroll sideways");
    }
}
