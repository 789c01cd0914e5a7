using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.RegularExpressions;
using GovPulse.Browser.Tests.Fixtures;
using GovPulse.EndToEnd.Tests.Fixtures;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace GovPulse.Browser.Tests;

/// <summary>
/// A department head, on a 360×740 phone: starts on their own unit, reads every unit's figures and the
/// rankings (their benchmark: their rank among their peers and the peers' average), but not another
/// unit's dossiers. The page, the API and the hub hold to the same rule.
/// </summary>
public sealed class DepartmentHeadTests(DashboardNode fixture) : IClassFixture<DashboardNode>
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>Per node: the head of Sở Tư pháp, made on first use, with a second department given dossiers so there is someone to be ranked against.</summary>
    private static readonly ConditionalWeakTable<DashboardNode, Lazy<Task<Person>>> DepartmentHeads = [];

    [Fact]
    public async Task A_department_head_lands_on_their_unit_reaches_the_rankings_and_another_units_page_without_its_late_dossiers()
    {
        await using var context = await fixture.NewContextAsync(Viewport.Phone);
        var page = await DashboardNode.SignInAsync(context, fixture.Head);
        await Expect(page).ToHaveURLAsync(new Regex($"#/units/{DashboardNode.Unit}$"));
        await Expect(page.GetByTestId("unit-name")).ToHaveTextAsync(DashboardNode.UnitName);
        await Expect(page.GetByTestId("user")).ToHaveTextAsync($"{fixture.Head.DisplayName} · Thủ trưởng đơn vị");
        await Expect(page.GetByTestId("unit-rank")).ToHaveTextAsync(new Regex(@"^Hạng \d+/\d+ phường, xã, đặc khu$"));
        await Expect(page.GetByTestId("late-link")).ToBeVisibleAsync();

        await page.GetByTestId("nav-rankings").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("#/rankings$"));
        await Expect(page.Locator($"[data-testid=ranking-row][data-unit-code='{DashboardNode.Unit}']")).ToBeVisibleAsync();

        await page.EvaluateAsync("hash => { location.hash = hash; }", $"#/units/{DashboardNode.OtherUnit}");
        await Expect(page.GetByTestId("unit-name")).ToHaveTextAsync("Sở Tư pháp");
        await Expect(page.GetByTestId("unit-total")).ToHaveTextAsync(Screens.VietnamesePoints());
        await Expect(page.GetByTestId("unit-rank")).ToHaveTextAsync(new Regex(@"^Hạng \d+/\d+ sở, ban, ngành$"));
        await Expect(page.GetByTestId("unit-change-city")).ToContainTextAsync("So với toàn thành phố");
        // Another unit's dossiers are not theirs to read.
        await Expect(page.GetByTestId("late-link")).ToHaveCountAsync(0);

        await page.EvaluateAsync("hash => { location.hash = hash; }", $"#/units/{DashboardNode.OtherUnit}/late");
        // The late list of another unit sends them back to their own unit.
        await Expect(page).ToHaveURLAsync(new Regex($"#/units/{DashboardNode.Unit}$"));
    }

    [Fact]
    public async Task The_head_of_a_department_sees_their_rank_among_departments_and_the_departments_average()
    {
        var head = await DepartmentHeadAsync();
        var (rank, of, average) = await StandingInRankingsAsync("department", DashboardNode.OtherUnit);
        await using var context = await fixture.NewContextAsync(Viewport.Phone);

        var page = await DashboardNode.SignInAsync(context, head);

        await Expect(page).ToHaveURLAsync(new Regex($"#/units/{DashboardNode.OtherUnit}$")); // their own unit is where they start
        await Expect(page.GetByTestId("unit-rank")).ToHaveTextAsync($"Hạng {rank}/{of} sở, ban, ngành");
        await Expect(page.GetByTestId("unit-peer-average")).ToHaveTextAsync($"Bình quân các sở, ban, ngành: {average.ToString("0.00", Vietnamese)}");
        await Expect(page.GetByTestId("unit-change-city")).ToContainTextAsync("So với toàn thành phố");
        await Expect(page.GetByTestId("nav-rankings")).ToBeVisibleAsync();
        await page.GetByTestId("unit-rank").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("#/rankings\\?level=department$")); // one tap from the ranking the rank comes from
        await Expect(page.Locator($"[data-testid=ranking-row][data-unit-code='{DashboardNode.OtherUnit}']")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_leader_sees_a_units_standing_and_its_late_dossiers_button()
    {
        await DepartmentHeadAsync();
        var (rank, of, average) = await StandingInRankingsAsync("department", DashboardNode.OtherUnit);
        await using var context = await fixture.NewContextAsync(Viewport.Phone);
        var page = await DashboardNode.SignInAsync(context, fixture.Leader);

        await page.EvaluateAsync("hash => { location.hash = hash; }", $"#/units/{DashboardNode.OtherUnit}");

        await Expect(page.GetByTestId("unit-rank")).ToHaveTextAsync($"Hạng {rank}/{of} sở, ban, ngành");
        await Expect(page.GetByTestId("unit-peer-average")).ToHaveTextAsync($"Bình quân các sở, ban, ngành: {average.ToString("0.00", Vietnamese)}");
        await Expect(page.GetByTestId("late-link")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_API_answers_a_department_head_with_other_units_figures_and_the_rankings_but_403_for_their_dossiers()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await DashboardNode.SignInAsync(context, fixture.Head);
        const string status = "async path => (await fetch(path, { credentials: 'same-origin', headers: { Accept: 'application/json' } })).status";

        (await page.EvaluateAsync<int>(status, $"/api/v1/units/{DashboardNode.OtherUnit}/indicators")).Should().Be(200);
        (await page.EvaluateAsync<int>(status, "/api/v1/rankings")).Should().Be(200);
        (await page.EvaluateAsync<int>(status, $"/api/v1/units/{DashboardNode.OtherUnit}/dossiers?status=overdue")).Should().Be(403);
        (await page.EvaluateAsync<int>(status, $"/api/v1/units/{DashboardNode.Unit}/dossiers?status=overdue")).Should().Be(200);

        using var client = await CookieClientAsync(context);
        (await client.GetAsync(new Uri($"/api/v1/units/{DashboardNode.OtherUnit}/indicators", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetAsync(new Uri($"/api/v1/units/{DashboardNode.OtherUnit}/dossiers?status=overdue", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await client.GetAsync(new Uri($"/api/v1/units/{DashboardNode.Unit}/indicators", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_hub_lets_the_pages_SignalR_client_and_a_dotnet_client_with_the_same_cookie_subscribe_to_any_unit()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await DashboardNode.SignInAsync(context, fixture.Head);
        const string subscribe = """
            async code => {
              const connection = new signalR.HubConnectionBuilder().withUrl("/hubs/indicators").build();
              await connection.start();
              try {
                await connection.invoke("Subscribe", code);
                return "subscribed";
              } catch (e) {
                return String(e && e.message);
              } finally {
                await connection.stop();
              }
            }
            """;

        (await page.EvaluateAsync<string>(subscribe, DashboardNode.Unit)).Should().Be("subscribed");
        (await page.EvaluateAsync<string>(subscribe, DashboardNode.OtherUnit)).Should().Be("subscribed");
        (await page.EvaluateAsync<string>(subscribe, "no-such-unit")).Should().Contain("not a known unit");

        var jar = await CookieJarAsync(context);
        await using var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(fixture.Node.BaseAddress, "/hubs/indicators"), o =>
            {
                o.Cookies = jar;
                o.Transports = HttpTransportType.WebSockets;
            })
            .Build();
        await hub.StartAsync();
        await hub.InvokeAsync("Subscribe", DashboardNode.Unit);
        await hub.InvokeAsync("Subscribe", DashboardNode.OtherUnit);
        var unknown = () => hub.InvokeAsync("Subscribe", "no-such-unit");

        (await unknown.Should().ThrowAsync<HubException>()).WithMessage("*not a known unit*");
        hub.State.Should().Be(HubConnectionState.Connected, "a refused subscription leaves the connection open");
    }

    /// <summary>The head of <see cref="DashboardNode.OtherUnit"/>, and dossiers for a second department, made once per node.</summary>
    private Task<Person> DepartmentHeadAsync() =>
        DepartmentHeads.GetValue(fixture, node => new Lazy<Task<Person>>(() => MakeDepartmentHeadAsync(node))).Value;

    private static async Task<Person> MakeDepartmentHeadAsync(DashboardNode node)
    {
        var head = new Person("browser.head.tuphap", "Thủ trưởng Sở Tư pháp", "browser pass " + Guid.NewGuid().ToString("N")[..16]);
        using var admin = node.Node.CreateClient(DashboardNode.ApiKey);
        using var created = await admin.PostAsJsonAsync("/api/v1/admin/users",
            new { username = head.Username, displayName = head.DisplayName, role = "departmentHead", unitCode = DashboardNode.OtherUnit, password = head.Password });
        created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());

        var at = DashboardNode.RecentInstant(TimeSpan.FromMinutes(10));
        var lines = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var dossier = node.NextDossier();
            lines.Add(Ndjson.Received("so-y-te", dossier, at));
            if (i < 2)
            {
                lines.Add(Ndjson.Completed("so-y-te", dossier, at.AddMinutes(5)));
            }
        }

        await node.PostAsync([.. lines]);
        return head;
    }

    /// <summary>The unit's rank, how many are ranked and their average, as GET /rankings gives them (units with a dossier only).</summary>
    private async Task<(int Rank, int Of, decimal Average)> StandingInRankingsAsync(string level, string unit)
    {
        using var client = fixture.Node.CreateClient(DashboardNode.ApiKey);
        var rows = (await client.GetFromJsonAsync<JsonElement>($"/api/v1/rankings?level={level}")).EnumerateArray()
            .Where(r => r.GetProperty("rank").ValueKind == JsonValueKind.Number && r.GetProperty("received").GetInt64() > 0).ToList();
        var row = rows.Single(r => r.GetProperty("unitCode").GetString() == unit);
        var average = Math.Round(rows.Average(r => r.GetProperty("total").GetDecimal()), 2, MidpointRounding.AwayFromZero);
        return (row.GetProperty("rank").GetInt32(), rows.Count, average);
    }

    /// <summary>An HttpClient carrying the browser's cookies, as another program holding the session would.</summary>
    private async Task<HttpClient> CookieClientAsync(IBrowserContext context)
    {
        var jar = await CookieJarAsync(context);
        return new HttpClient(new HttpClientHandler { CookieContainer = jar, UseCookies = true }) { BaseAddress = fixture.Node.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    private static async Task<CookieContainer> CookieJarAsync(IBrowserContext context)
    {
        var jar = new CookieContainer();
        foreach (var cookie in await context.CookiesAsync())
        {
            jar.Add(new System.Net.Cookie(cookie.Name, cookie.Value, cookie.Path, cookie.Domain));
        }

        return jar;
    }
}
