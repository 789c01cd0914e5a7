using System.Text.RegularExpressions;

namespace GovPulse.Browser.Tests.Fixtures;

/// <summary>The dashboard's screens (docs/dashboard.md), opened by URL and awaited until they show their figures.</summary>
public static partial class Screens
{
    public const string Overview = "overview";
    public const string Rankings = "rankings";
    public const string Unit = "unit";
    public const string Late = "late";
    public const string Chase = "chase";
    public const string SignIn = "signin";
    public const string Notifications = "notifications";
    public const string Indicator = "indicator";

    /// <summary>The screens a signed-in leader opens, in the order a leader would.</summary>
    public static readonly string[] SignedIn = [Overview, Rankings, Unit, Indicator, Late, Chase, Notifications];

    /// <summary>A score as vi-VN writes it: <c>88,42</c>.</summary>
    [GeneratedRegex(@"^\d{1,3},\d{2}$")]
    public static partial Regex VietnamesePoints();

    /// <summary>A score as en-GB writes it: <c>88.42</c>.</summary>
    [GeneratedRegex(@"^\d{1,3}\.\d{2}$")]
    public static partial Regex EnglishPoints();

    [GeneratedRegex(@"^(Xuất sắc|Tốt|Khá|Trung bình|Yếu)$")]
    public static partial Regex VietnameseBand();

    /// <summary>Goes to <paramref name="screen"/> and returns once it shows its figures, charts and images included.</summary>
    public static async Task OpenAsync(IPage page, string screen)
    {
        switch (screen)
        {
            case Overview:
                await GoAsync(page, "/#/");
                await Expect(page.GetByTestId("city-total")).ToHaveTextAsync(VietnamesePoints());
                await Expect(page.GetByTestId("behind-lowest")).ToBeVisibleAsync();
                await Expect(page.GetByTestId("chart-trend")).ToBeVisibleAsync();
                // Today's chart is drawn once an hour is published; before that the card says so in one line.
                await Expect(page.Locator("[data-testid=chart-today], [data-testid=chart-today-empty]")).ToBeVisibleAsync();
                break;
            case Rankings:
                await GoAsync(page, "/#/rankings");
                await Expect(page.GetByTestId("ranking-row").First).ToBeVisibleAsync();
                await Expect(page.GetByTestId("movers-up")).ToBeVisibleAsync();
                break;
            case Unit:
                await GoAsync(page, $"/#/units/{DashboardNode.Unit}");
                await Expect(page.GetByTestId("unit-name")).ToHaveTextAsync(DashboardNode.UnitName);
                await Expect(page.GetByTestId("unit-total")).ToHaveTextAsync(VietnamesePoints());
                await Expect(page.GetByTestId("indicator-row-ON_TIME_PROCESSING")).ToBeVisibleAsync();
                await Expect(page.GetByTestId("chart-trend")).ToBeVisibleAsync();
                break;
            case Indicator:
                // Needs the explained-numbers API of issue 15: the unit's on-time indicator down to its dossiers.
                await GoAsync(page, $"/#/units/{DashboardNode.Unit}/indicators/ON_TIME_PROCESSING");
                await Expect(page.GetByTestId("explain-denominator")).ToHaveTextAsync(new Regex(@"^[\d.]+$"));
                await Expect(page.GetByTestId("explain-row").First).ToBeVisibleAsync();
                break;
            case Late:
                await GoAsync(page, $"/#/units/{DashboardNode.Unit}/late");
                await Expect(page.Locator($"[data-testid=late-row][data-dossier-id='{DashboardNode.LateDossier}']")).ToBeVisibleAsync();
                break;
            case Chase:
                await GoAsync(page, "/#/chase");
                await Expect(page.Locator($"[data-testid=chase-unit][data-unit-code='{DashboardNode.Unit}']")).ToBeVisibleAsync();
                break;
            case Notifications:
                await GoAsync(page, "/#/notifications");
                await Expect(page.GetByTestId("push-card")).ToBeVisibleAsync();
                // The device list has been read (or said why not) …
                await Expect(page.GetByTestId("push-subscriptions").Locator("li").First).ToBeVisibleAsync();
                // … and the alerts card shows its rules and form, or that the server has no alerts.
                await Expect(page.Locator("[data-testid=alert-form], [data-testid=alerts-unavailable]")).ToBeVisibleAsync();
                break;
            case SignIn:
                await GoAsync(page, "/#/signin");
                await Expect(page.GetByTestId("signin-form")).ToBeVisibleAsync();
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(screen), screen, "not a screen of the dashboard");
        }

        // Charts are <img> of server-drawn SVGs: a screenshot or a measurement wants them drawn.
        await page.WaitForFunctionAsync("() => [...document.images].every(i => i.complete)");
    }

    private static async Task GoAsync(IPage page, string path)
    {
        if (page.Url == "about:blank")
        {
            await page.GotoAsync(path);
        }
        else
        {
            // Same document: the hash names the screen, as a click on a link would change it.
            await page.EvaluateAsync("hash => { location.hash = hash; }", path[1..]);
        }
    }
}
