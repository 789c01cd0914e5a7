using System.Text.RegularExpressions;
using GovPulse.Browser.Tests.Fixtures;

namespace GovPulse.Browser.Tests;

/// <summary>
/// The alerts card of the notifications screen against the node's alerts API (<c>/api/v1/alerts</c>,
/// helper ALERTS's part of issue 14: these tests need it merged). On a 360×740 phone: a leader adds a
/// rule for a unit, sees it listed in glossary words with what is firing, and deletes it; a threshold
/// out of range is said before anything is sent; a department head is told when a unit's dossiers are
/// not theirs to watch. Each test is a different person, so their rules do not meet.
/// </summary>
public sealed class AlertRulesScreenTests(DashboardNode fixture) : IClassFixture<DashboardNode>
{
    [Fact]
    public async Task A_leader_adds_an_alert_sees_it_fire_for_the_unit_and_deletes_it()
    {
        await using var context = await fixture.NewContextAsync(Viewport.Phone);
        var page = await DashboardNode.SignInAsync(context, fixture.Leader);
        await Screens.OpenAsync(page, Screens.Notifications);
        await Expect(page.GetByTestId("alerts-empty")).ToHaveTextAsync("Chưa có cảnh báo nào.");
        await Expect(page.GetByTestId("alert-unit").Locator("option").First).ToHaveTextAsync("Tất cả phường, xã, đặc khu");

        // Phường Tân Định has an open dossier past its due time: more than 0 overdue.
        await page.GetByTestId("alert-kind").SelectOptionAsync("overdueAbove");
        await Expect(page.Locator("label[for=al-threshold]")).ToHaveTextAsync("Ngưỡng (số hồ sơ)");
        await page.GetByTestId("alert-unit").SelectOptionAsync(DashboardNode.Unit);
        await page.GetByTestId("alert-threshold").FillAsync("0");
        await page.GetByTestId("alert-add").ClickAsync();

        var rule = page.GetByTestId("alert-rule");
        await Expect(rule).ToHaveCountAsync(1);
        await Expect(rule.GetByTestId("alert-text")).ToHaveTextAsync("Phường Tân Định — Hồ sơ quá hạn nhiều hơn 0");

        // A scorecard change of the unit evaluates the rule; the screen reads the rules again when opened.
        await fixture.PostAsync(WireLines.ReceivedDue(DashboardNode.Unit, fixture.NextDossier(), DashboardNode.RecentInstant(TimeSpan.FromMinutes(3)), DashboardNode.RecentInstant(TimeSpan.FromMinutes(2))));
        var deadline = DateTime.UtcNow + DashboardNode.ScreenTimeout * 2;
        while (await rule.GetAttributeAsync("data-firing") != "1" && DateTime.UtcNow < deadline)
        {
            await page.ReloadAsync();
            await Screens.OpenAsync(page, Screens.Notifications);
            await Expect(rule).ToHaveCountAsync(1);
        }

        await Expect(rule.GetByTestId("alert-firing")).ToHaveTextAsync(new Regex(@"^Đang báo: Phường Tân Định \(từ \d{2}:\d{2} \d{2}/\d{2}/\d{4}\)$"));

        await page.GetByTestId("lang-toggle").ClickAsync();
        await Expect(page.GetByTestId("alert-rule").GetByTestId("alert-text")).ToHaveTextAsync("Phường Tân Định — More than 0 overdue dossiers");
        await Expect(page.GetByTestId("alert-rule").GetByTestId("alert-firing")).ToContainTextAsync("Firing: Phường Tân Định (since ");
        await page.GetByTestId("lang-toggle").ClickAsync();

        await page.GetByTestId("alert-rule").GetByTestId("alert-delete").ClickAsync();
        await Expect(page.GetByTestId("alert-rule")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("alerts-empty")).ToBeVisibleAsync();
        await page.ReloadAsync();
        await Screens.OpenAsync(page, Screens.Notifications);
        await Expect(page.GetByTestId("alerts-empty")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_band_drop_alert_for_every_commune_is_listed_as_such()
    {
        await using var context = await fixture.NewContextAsync(Viewport.Phone);
        var page = await DashboardNode.SignInAsync(context, fixture.Admin);
        await Screens.OpenAsync(page, Screens.Notifications);

        await page.GetByTestId("alert-kind").SelectOptionAsync("bandDrop");
        await Expect(page.GetByTestId("alert-threshold")).ToBeHiddenAsync();
        await page.GetByTestId("alert-add").ClickAsync();

        await Expect(page.GetByTestId("alert-rule").GetByTestId("alert-text")).ToHaveTextAsync("Tất cả phường, xã, đặc khu — Bị hạ xếp loại");
        await Expect(page.GetByTestId("alert-rule")).ToHaveAttributeAsync("data-kind", "bandDrop");
    }

    [Fact]
    public async Task A_threshold_out_of_range_is_said_before_anything_is_sent()
    {
        await using var context = await fixture.NewContextAsync(Viewport.Phone);
        var page = await DashboardNode.SignInAsync(context, fixture.Auditor);
        await Screens.OpenAsync(page, Screens.Notifications);
        var posted = 0;
        page.Request += (_, request) =>
        {
            if (request.Method == "POST" && request.Url.EndsWith("/api/v1/alerts", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref posted);
            }
        };

        await page.GetByTestId("alert-kind").SelectOptionAsync("onTimeBelow");
        await Expect(page.Locator("label[for=al-threshold]")).ToHaveTextAsync("Ngưỡng (%, từ 0 đến 100)");
        await page.GetByTestId("alert-threshold").FillAsync("120");
        await page.GetByTestId("alert-add").ClickAsync();

        await Expect(page.GetByTestId("alert-error")).ToHaveTextAsync("Hãy nhập ngưỡng: tỷ lệ từ 0 đến 100, số hồ sơ là số nguyên từ 0.");
        await Expect(page.GetByTestId("alert-threshold")).ToHaveAttributeAsync("aria-invalid", "true");

        // A decimal comma, as Vietnamese writes it, is a ratio.
        await page.GetByTestId("alert-threshold").FillAsync("85,5");
        await page.GetByTestId("alert-add").ClickAsync();
        await Expect(page.GetByTestId("alert-rule").GetByTestId("alert-text")).ToHaveTextAsync("Tất cả phường, xã, đặc khu — Tỷ lệ hồ sơ xử lý trước hạn, đúng hạn dưới 85,5%");
        posted.Should().Be(1, "only the valid threshold was sent");
    }

    [Fact]
    public async Task A_department_head_watches_their_own_units_dossiers_but_is_told_another_units_are_not_theirs()
    {
        await using var context = await fixture.NewContextAsync(Viewport.Phone);
        var page = await DashboardNode.SignInAsync(context, fixture.Head);
        await Screens.OpenAsync(page, Screens.Notifications);
        await Expect(page.GetByTestId("alert-unit")).ToHaveValueAsync(DashboardNode.Unit);

        await page.GetByTestId("alert-kind").SelectOptionAsync("dossierOverdue");
        await page.GetByTestId("alert-unit").SelectOptionAsync(DashboardNode.OtherUnit);
        await page.GetByTestId("alert-add").ClickAsync();
        await Expect(page.GetByTestId("alert-error")).ToHaveTextAsync("Bạn không được đặt cảnh báo cho đơn vị này.");
        await Expect(page.GetByTestId("alert-rule")).ToHaveCountAsync(0);

        await page.GetByTestId("alert-unit").SelectOptionAsync(DashboardNode.Unit);
        await page.GetByTestId("alert-add").ClickAsync();
        await Expect(page.GetByTestId("alert-rule").GetByTestId("alert-text")).ToHaveTextAsync("Phường Tân Định — Có hồ sơ chuyển sang quá hạn");
        await Expect(page.GetByTestId("alert-error")).ToBeHiddenAsync();
    }
}
