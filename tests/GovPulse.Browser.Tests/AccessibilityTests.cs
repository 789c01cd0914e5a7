using GovPulse.Browser.Tests.Fixtures;

namespace GovPulse.Browser.Tests;

/// <summary>
/// axe-core on every screen each role can open (and the sign-in screen), on a 360×740 phone, in both
/// languages' default (Vietnamese) and in light and dark: no WCAG 2.0/2.1 A or AA violation at all.
/// A failure lists each rule with the elements that break it.
/// </summary>
public sealed class AccessibilityTests(DashboardNode fixture) : IClassFixture<DashboardNode>
{
    [Fact]
    public async Task The_sign_in_screen_has_no_WCAG_2_1_A_or_AA_violation()
    {
        await using var context = await fixture.NewContextAsync(Viewport.Phone);
        await Axe.InstallAsync(context);
        var page = await context.NewPageAsync();
        await Screens.OpenAsync(page, Screens.SignIn);

        (await Axe.ViolationsAsync(page)).Should().BeEmpty("the sign-in screen meets WCAG 2.1 A and AA");
    }

    [Theory]
    [InlineData("leader", ColorScheme.Light)]
    [InlineData("leader", ColorScheme.Dark)]
    [InlineData("departmentHead", ColorScheme.Light)]
    [InlineData("departmentHead", ColorScheme.Dark)]
    [InlineData("auditor", ColorScheme.Light)]
    [InlineData("admin", ColorScheme.Light)]
    public async Task Every_screen_a_role_opens_has_no_WCAG_2_1_A_or_AA_violation(string role, ColorScheme scheme)
    {
        var (person, screens) = role switch
        {
            "leader" => (fixture.Leader, Screens.SignedIn),
            "auditor" => (fixture.Auditor, Screens.SignedIn),
            "admin" => (fixture.Admin, Screens.SignedIn),
            // Every screen but the city-wide dossiers, which are not theirs to read; the unit and its list are their own.
            "departmentHead" => (fixture.Head, Screens.SignedIn.Where(s => s != Screens.Chase).ToArray()),
            _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
        };
        await using var context = await fixture.NewContextAsync(Viewport.Phone);
        await Axe.InstallAsync(context);
        var page = await context.NewPageAsync();
        // No highlight animation mid-check: a flash on a live update is not the colour people read.
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { ColorScheme = scheme, ReducedMotion = ReducedMotion.Reduce });
        await DashboardNode.SignInAsync(page, person);

        var found = new List<string>();
        foreach (var screen in screens)
        {
            await Screens.OpenAsync(page, screen);
            found.AddRange((await Axe.ViolationsAsync(page)).Select(v => $"{screen}: {v}"));
        }

        found.Should().BeEmpty($"every screen a {role} opens meets WCAG 2.1 A and AA ({scheme})");
    }
}
