using System.Net;
using System.Net.Http.Json;
using GovPulse.EndToEnd.Tests.Fixtures;

namespace GovPulse.Browser.Tests.Fixtures;

/// <summary>
/// What one browser test class shares: a real node on 127.0.0.1 (simulator off, fresh data
/// directory) seeded with this suite's own events, a leader and a department head made through
/// the admin API with the bootstrap key, and one headless chromium. Each test opens its own
/// browser context (cookies, storage and viewport of its own).
/// </summary>
public sealed class DashboardNode : IAsyncLifetime
{
    public const string ApiKey = "browser-test-key-not-a-secret";

    /// <summary>Phường Tân Định: the department head's unit, and the one the tests post to.</summary>
    public const string Unit = "26737";

    public const string UnitName = "Phường Tân Định";

    /// <summary>A unit the department head may not open: Sở Tư pháp.</summary>
    public const string OtherUnit = "so-tu-phap";

    /// <summary>An open dossier of <see cref="Unit"/> past its due time, for the late list.</summary>
    public const string LateDossier = "HS-BROWSER-LATE-1";

    /// <summary>How long a screen may take to show what it fetched (bounded; CI shares two cores with other test projects).</summary>
    public static readonly TimeSpan ScreenTimeout = TimeSpan.FromSeconds(15);

    private int _dossiers;

    static DashboardNode() => SetDefaultExpectTimeout((float)ScreenTimeout.TotalMilliseconds);

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "govpulse-browser-" + Guid.NewGuid().ToString("N")[..12]);

    public NodeProcess Node { get; private set; } = null!;

    public IPlaywright Playwright { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public Person Leader { get; } = new("browser.leader", "Nguyễn Kiểm Thử", "browser pass " + Guid.NewGuid().ToString("N")[..16]);

    public Person Head { get; } = new("browser.head", "Thủ trưởng Tân Định", "browser pass " + Guid.NewGuid().ToString("N")[..16]);

    public Person Auditor { get; } = new("browser.auditor", "Trần Thanh Tra", "browser pass " + Guid.NewGuid().ToString("N")[..16]);

    public Person Admin { get; } = new("browser.admin", "Lê Quản Trị", "browser pass " + Guid.NewGuid().ToString("N")[..16]);

    public async Task InitializeAsync()
    {
        // The node and the browser start side by side: both take seconds.
        var node = NodeProcess.StartAsync(DataDirectory, ApiKey, "--GovPulse:Auth:SignInsPerMinutePerAddress=100000");
        var browser = StartBrowserAsync();
        Node = await node;
        await browser;

        await CreateUserAsync(Leader, "leader", null);
        await CreateUserAsync(Head, "departmentHead", Unit);
        await CreateUserAsync(Auditor, "auditor", null);
        await CreateUserAsync(Admin, "admin", null);
        await SeedAsync();
    }

    private async Task StartBrowserAsync()
    {
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Chromium.LaunchAsync(Playwright);
    }

    /// <summary>This month's dossiers for a few units (so the city has figures) and one overdue dossier of <see cref="Unit"/>.</summary>
    private async Task SeedAsync()
    {
        var at = RecentInstant(TimeSpan.FromMinutes(10));
        var lines = new List<string>();
        foreach (var (unit, received, completed) in new[] { (Unit, 4, 3), (OtherUnit, 3, 2), ("26740", 2, 2) })
        {
            for (var i = 0; i < received; i++)
            {
                var dossier = NextDossier();
                lines.Add(Ndjson.Received(unit, dossier, at));
                if (i < completed)
                {
                    lines.Add(Ndjson.Completed(unit, dossier, at.AddMinutes(5)));
                }
            }
        }

        lines.Add(WireLines.ReceivedDue(Unit, LateDossier, at, at.AddMinutes(1)));
        await PostAsync([.. lines]);
    }

    /// <summary>
    /// An instant <paramref name="ago"/> before now, but in this month in Vietnam time, so what is
    /// posted counts in the period the page shows.
    /// </summary>
    public static DateTimeOffset RecentInstant(TimeSpan ago)
    {
        var now = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7));
        var monthStart = new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, now.Offset);
        var at = now - ago;
        return at < monthStart ? monthStart.AddSeconds(1) : at;
    }

    public string NextDossier() => $"HS-BROWSER-{Interlocked.Increment(ref _dossiers):D4}";

    /// <summary>Posts events with the bootstrap key, as an integration does; every line must be accepted.</summary>
    public async Task PostAsync(params string[] lines)
    {
        using var client = Node.CreateClient(ApiKey);
        using var response = await client.PostAsync(new Uri("/api/v1/events", UriKind.Relative), Ndjson.Body(lines));
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, body);
        body.Should().Contain($"\"accepted\":{lines.Length}", "every seeded line is new and valid");
    }

    private async Task CreateUserAsync(Person person, string role, string? unitCode)
    {
        using var admin = Node.CreateClient(ApiKey);
        using var response = await admin.PostAsJsonAsync("/api/v1/admin/users",
            new { username = person.Username, displayName = person.DisplayName, role, unitCode, password = person.Password });
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"Creating {person.Username} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>
    /// A fresh browser (no cookies, no storage) at <paramref name="viewport"/>, in Vietnam's locale
    /// and time zone, opening the node at <paramref name="address"/> (default: the node itself).
    /// </summary>
    public async Task<IBrowserContext> NewContextAsync(Viewport? viewport = null, Uri? address = null)
    {
        var size = viewport ?? Viewport.Phone;
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = (address ?? Node.BaseAddress).ToString(),
            ViewportSize = new ViewportSize { Width = size.Width, Height = size.Height },
            Locale = "vi-VN",
            TimezoneId = "Asia/Ho_Chi_Minh",
        });
        context.SetDefaultTimeout((float)ScreenTimeout.TotalMilliseconds);
        return context;
    }

    /// <summary>Opens the dashboard in a new page, which shows its sign-in form, and signs in through it.</summary>
    public static async Task<IPage> SignInAsync(IBrowserContext context, Person person, string path = "/") =>
        await SignInAsync(await context.NewPageAsync(), person, path);

    /// <summary>Signs in through the page's form (opening <paramref name="path"/> first when the page is blank).</summary>
    public static async Task<IPage> SignInAsync(IPage page, Person person, string path = "/")
    {
        if (page.Url == "about:blank")
        {
            await page.GotoAsync(path);
        }

        await Expect(page.GetByTestId("signin-form")).ToBeVisibleAsync();
        await page.GetByTestId("signin-username").FillAsync(person.Username);
        await page.GetByTestId("signin-password").FillAsync(person.Password);
        await page.GetByTestId("signin-submit").ClickAsync();
        await Expect(page.GetByTestId("user")).ToContainTextAsync(person.DisplayName);
        await Expect(page.GetByTestId("signin-form")).ToHaveCountAsync(0);
        return page;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        Playwright?.Dispose();
        if (Node is not null)
        {
            await Node.DisposeAsync();
        }

        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // best effort: the temp directory is cleaned by the OS eventually
        }
    }
}

/// <summary>A person made on the node for the tests.</summary>
public sealed record Person(string Username, string DisplayName, string Password);
