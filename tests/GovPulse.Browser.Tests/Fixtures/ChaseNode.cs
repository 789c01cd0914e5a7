using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using GovPulse.EndToEnd.Tests.Fixtures;

namespace GovPulse.Browser.Tests.Fixtures;

/// <summary>
/// A node for the dossiers-to-chase screens: its calendar makes today (Vietnam time) a day off and the
/// three days before it working days, so every status phrase can be produced from events on any day
/// of the week — among them "overdue since yesterday, no working day since", which the real calendar
/// only yields on weekends and holidays. It links dossiers to a one-stop system by a URL template and
/// is seeded with a known set of dossiers (<see cref="Seed"/>).
/// </summary>
public sealed class ChaseNode : IAsyncLifetime
{
    public const string ApiKey = "browser-chase-key-not-a-secret";

    /// <summary>Phường Tân Định: the unit with one dossier per status phrase; the department head's unit.</summary>
    public const string Unit = DashboardNode.Unit;

    /// <summary>Phường Sài Gòn: enough open dossiers for two pages of in-progress ones, and one overdue.</summary>
    public const string BusyUnit = "26740";

    /// <summary>Sở Tư pháp: the one department with overdue dossiers.</summary>
    public const string Department = DashboardNode.OtherUnit;

    public const string SourceUrlTemplate = "https://motcua.example.gov.vn/hoso/{dossierId}";

    /// <summary>Open, on time, due far ahead: more than one page of 50 in <see cref="BusyUnit"/>.</summary>
    public const int BusyInProgress = 60;

    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "govpulse-chase-" + Guid.NewGuid().ToString("N")[..12]);

    public NodeProcess Node { get; private set; } = null!;

    public IPlaywright Playwright { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public Person Leader { get; } = new("chase.leader", "Lãnh đạo Đôn đốc", "chase pass " + Guid.NewGuid().ToString("N")[..16]);

    public Person Head { get; } = new("chase.head", "Thủ trưởng Tân Định", "chase pass " + Guid.NewGuid().ToString("N")[..16]);

    /// <summary>When the seed was written (Vietnam time): the phrases are relative to this day.</summary>
    public DateTimeOffset Now { get; private set; }

    public DateOnly Today => DateOnly.FromDateTime(Now.DateTime);

    public ChaseSeed Seed { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Now = DateTimeOffset.UtcNow.ToOffset(Vietnam);
        Directory.CreateDirectory(DataDirectory);
        var calendar = Path.Combine(DataDirectory, "calendar.csv");
        await File.WriteAllTextAsync(calendar, CalendarText(Today));

        var node = NodeProcess.StartAsync(DataDirectory, ApiKey,
            "--GovPulse:Auth:SignInsPerMinutePerAddress=100000",
            $"--GovPulse:Scoring:CalendarFile={calendar}",
            $"--GovPulse:Dossiers:SourceUrlTemplate={SourceUrlTemplate}");
        var browser = StartBrowserAsync();
        Node = await node;
        await browser;

        await CreateUserAsync(Leader, "leader", null);
        await CreateUserAsync(Head, "departmentHead", Unit);
        Seed = new ChaseSeed(Now);
        await PostAsync(Seed.Lines());
    }

    /// <summary>Today a day off; the three days before it working days, whatever the weekday.</summary>
    private static string CalendarText(DateOnly today)
    {
        var lines = new List<string> { "date,name,is_day_off,kind,confirmed", $"{Iso(today)},Ngày nghỉ của kiểm thử,yes,statutory,yes" };
        for (var back = 1; back <= 3; back++)
        {
            lines.Add($"{Iso(today.AddDays(-back))},Ngày làm việc của kiểm thử,no,makeup_workday,yes");
        }

        return string.Join('\n', lines) + "\n";
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task StartBrowserAsync()
    {
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Chromium.LaunchAsync(Playwright);
    }

    public async Task PostAsync(IReadOnlyList<string> lines)
    {
        using var client = Node.CreateClient(ApiKey);
        using var response = await client.PostAsync(new Uri("/api/v1/events", UriKind.Relative), Ndjson.Body([.. lines]));
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, body);
        body.Should().Contain($"\"accepted\":{lines.Count}", "every seeded line is new and valid");
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

    /// <summary>A fresh browser at <paramref name="viewport"/> (default: a 360×740 phone) in Vietnam's locale and time zone.</summary>
    public async Task<IBrowserContext> NewContextAsync(Viewport? viewport = null)
    {
        var size = viewport ?? Viewport.Phone;
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Node.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = size.Width, Height = size.Height },
            Locale = "vi-VN",
            TimezoneId = "Asia/Ho_Chi_Minh",
        });
        context.SetDefaultTimeout((float)DashboardNode.ScreenTimeout.TotalMilliseconds);
        return context;
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
