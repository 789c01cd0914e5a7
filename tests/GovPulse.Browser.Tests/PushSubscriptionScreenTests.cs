using GovPulse.Browser.Tests.Fixtures;

namespace GovPulse.Browser.Tests;

/// <summary>
/// The "Nhận thông báo trên điện thoại" card before any tap, on a 360×740 phone: opening it never asks
/// for permission; an iPhone that has not installed GovPulse is told, in Vietnamese, how to add it to
/// the Home Screen instead of being offered the button; an installed one gets the button; a browser
/// that blocks notifications is told so plainly.
/// </summary>
public sealed class PushSubscriptionScreenTests(DashboardNode fixture) : IClassFixture<DashboardNode>
{
    /// <summary>Counts the page's permission requests (runs before the page's scripts, outside its CSP).</summary>
    public const string PermissionRecorder =
        "window.__permissionAsked = 0; if (window.Notification) { const ask = Notification.requestPermission.bind(Notification); " +
        "Notification.requestPermission = (...a) => { window.__permissionAsked++; return ask(...a); }; }";

    private const string IPhoneSafari =
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";

    [Fact]
    public async Task Opening_the_notifications_screen_asks_for_no_permission_and_offers_the_button()
    {
        await using var context = await fixture.NewContextAsync(Viewport.Phone);
        await context.AddInitScriptAsync(PermissionRecorder);
        var page = await DashboardNode.SignInAsync(context, fixture.Leader);

        await page.GetByTestId("nav-notifications").ClickAsync();
        await Screens.OpenAsync(page, Screens.Notifications);

        await Expect(page.Locator("h1")).ToHaveTextAsync("Thông báo");
        await Expect(page.GetByTestId("push-subscribe")).ToHaveTextAsync("Nhận thông báo trên điện thoại");
        await Expect(page.GetByTestId("push-quiet-from")).ToHaveValueAsync("22:00");
        await Expect(page.GetByTestId("push-quiet-to")).ToHaveValueAsync("06:30");
        await Expect(page.GetByTestId("push-schedule").Locator("option")).ToHaveTextAsync(["Bản tin hằng giờ", "Một bản tin lúc 07:00 mỗi ngày", "Chỉ cảnh báo"]);
        await Expect(page.GetByTestId("push-ios-help")).ToHaveCountAsync(0);
        (await page.EvaluateAsync<int>("() => window.__permissionAsked")).Should().Be(0, "permission is asked only after the tap");
        (await page.EvaluateAsync<string>("() => Notification.permission")).Should().Be("default");

        await page.GetByTestId("lang-toggle").ClickAsync();
        await Expect(page.GetByTestId("push-subscribe")).ToHaveTextAsync("Get notifications on my phone");
        (await page.EvaluateAsync<int>("() => window.__permissionAsked")).Should().Be(0);
    }

    [Fact]
    public async Task An_iPhone_that_has_not_installed_GovPulse_is_told_how_to_add_it_to_the_home_screen()
    {
        await using var context = await IPhoneAsync();
        await context.AddInitScriptAsync(PermissionRecorder);
        var page = await DashboardNode.SignInAsync(context, fixture.Leader);
        await Screens.OpenAsync(page, Screens.Notifications);

        var help = page.GetByTestId("push-ios-help");
        await Expect(help).ToBeVisibleAsync();
        await Expect(help).ToContainTextAsync("iOS, iPadOS 16.4 trở lên");
        await Expect(help).ToContainTextAsync("Chia sẻ");
        await Expect(help).ToContainTextAsync("Thêm vào MH chính");
        await Expect(help.Locator("li")).ToHaveCountAsync(4);
        await Expect(page.GetByTestId("push-subscribe")).ToHaveCountAsync(0);
        (await page.EvaluateAsync<int>("() => window.__permissionAsked")).Should().Be(0);
    }

    [Fact]
    public async Task An_iPhone_running_GovPulse_from_the_home_screen_gets_the_button()
    {
        await using var context = await IPhoneAsync();
        // Safari says so on an app opened from the Home Screen.
        await context.AddInitScriptAsync("Object.defineProperty(Navigator.prototype, 'standalone', { get: () => true });");
        var page = await DashboardNode.SignInAsync(context, fixture.Leader);
        await Screens.OpenAsync(page, Screens.Notifications);

        await Expect(page.GetByTestId("push-subscribe")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("push-ios-help")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_browser_that_blocks_notifications_is_told_so_plainly_and_not_offered_the_tap()
    {
        await using var context = await fixture.NewContextAsync(Viewport.Phone);
        var page = await context.NewPageAsync();
        var cdp = await context.NewCDPSessionAsync(page);
        // Playwright can only grant; DevTools sets "blocked" as the person would in the site settings (of this context).
        var target = await cdp.SendAsync("Target.getTargetInfo");
        await cdp.SendAsync("Browser.setPermission", new Dictionary<string, object>
        {
            ["browserContextId"] = target!.Value.GetProperty("targetInfo").GetProperty("browserContextId").GetString()!,
            ["permission"] = new Dictionary<string, object> { ["name"] = "notifications" },
            ["setting"] = "denied",
            ["origin"] = fixture.Node.BaseAddress.GetLeftPart(UriPartial.Authority),
        });
        await DashboardNode.SignInAsync(page, fixture.Leader);
        await Screens.OpenAsync(page, Screens.Notifications);

        await Expect(page.GetByTestId("push-status")).ToHaveTextAsync(
            "Trình duyệt đang chặn thông báo của GovPulse. Hãy cho phép thông báo trong phần cài đặt trang của trình duyệt, rồi tải lại trang.");
        await Expect(page.GetByTestId("push-subscribe")).ToBeDisabledAsync();
    }

    private async Task<IBrowserContext> IPhoneAsync()
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.Node.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = Viewport.Phone.Width, Height = Viewport.Phone.Height },
            UserAgent = IPhoneSafari,
            IsMobile = true,
            HasTouch = true,
            Locale = "vi-VN",
            TimezoneId = "Asia/Ho_Chi_Minh",
        });
        context.SetDefaultTimeout((float)DashboardNode.ScreenTimeout.TotalMilliseconds);
        return context;
    }
}
