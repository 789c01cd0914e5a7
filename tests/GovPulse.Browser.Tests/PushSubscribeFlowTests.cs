using GovPulse.Browser.Tests.Fixtures;

namespace GovPulse.Browser.Tests;

/// <summary>
/// The tap on "Nhận thông báo trên điện thoại" against the node's push API (<c>/api/v1/push/*</c>, helper
/// PUSH's part of issue 14: these tests need it merged). Headless Chromium here reaches no push service
/// (only 127.0.0.1 is reachable), so <c>pushManager.subscribe</c> fails: the page must say so in words,
/// save nothing, and ask for permission only once the person tapped.
/// </summary>
public sealed class PushSubscribeFlowTests(DashboardNode fixture) : IClassFixture<DashboardNode>
{
    [Fact]
    public async Task A_tap_asks_for_permission_then_says_the_browsers_push_service_refused_and_saves_nothing()
    {
        await using var context = await fixture.NewContextAsync(Viewport.Phone);
        await context.GrantPermissionsAsync(["notifications"], new BrowserContextGrantPermissionsOptions { Origin = fixture.Node.BaseAddress.GetLeftPart(UriPartial.Authority) });
        await context.AddInitScriptAsync(PushSubscriptionScreenTests.PermissionRecorder);
        var page = await DashboardNode.SignInAsync(context, fixture.Leader);
        var saved = 0;
        page.Request += (_, request) =>
        {
            if (request.Method == "POST" && request.Url.EndsWith("/api/v1/push/subscriptions", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref saved);
            }
        };
        await Screens.OpenAsync(page, Screens.Notifications);
        await Expect(page.GetByTestId("push-no-devices")).ToHaveTextAsync("Chưa có thiết bị nào nhận thông báo.");
        await Expect(page.GetByTestId("push-subscribe")).ToBeEnabledAsync();
        (await page.EvaluateAsync<int>("() => window.__permissionAsked")).Should().Be(0);

        await page.GetByTestId("push-subscribe").ClickAsync();

        await Expect(page.GetByTestId("push-status")).ToContainTextAsync("Không đăng ký được với dịch vụ thông báo của trình duyệt (");
        (await page.EvaluateAsync<int>("() => window.__permissionAsked")).Should().Be(1, "the tap asks, once");
        await Expect(page.GetByTestId("push-subscribe")).ToBeEnabledAsync(); // the person may try again
        await Expect(page.GetByTestId("push-no-devices")).ToBeVisibleAsync();
        saved.Should().Be(0, "no subscription exists to save");
    }

    [Fact]
    public async Task A_wrong_quiet_hour_is_said_before_anything_is_asked()
    {
        await using var context = await fixture.NewContextAsync(Viewport.Phone);
        await context.AddInitScriptAsync(PushSubscriptionScreenTests.PermissionRecorder);
        var page = await DashboardNode.SignInAsync(context, fixture.Leader);
        await Screens.OpenAsync(page, Screens.Notifications);
        await Expect(page.GetByTestId("push-subscribe")).ToBeEnabledAsync();

        await page.GetByTestId("push-quiet-from").FillAsync("25:00");
        await page.GetByTestId("push-subscribe").ClickAsync();

        await Expect(page.Locator("#nt-quiet-error")).ToHaveTextAsync("Giờ không hợp lệ: nhập theo dạng hh:mm, ví dụ 22:00.");
        await Expect(page.GetByTestId("push-quiet-from")).ToHaveAttributeAsync("aria-invalid", "");
        (await page.EvaluateAsync<int>("() => window.__permissionAsked")).Should().Be(0);
    }
}
