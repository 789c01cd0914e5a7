using System.Net;
using System.Text.RegularExpressions;
using GovPulse.Browser.Tests.Fixtures;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace GovPulse.Browser.Tests;

/// <summary>A department head reads their own unit only: the page, the API and the hub all hold to it.</summary>
public sealed class DepartmentHeadTests(DashboardNode fixture) : IClassFixture<DashboardNode>
{
    [Fact]
    public async Task A_department_head_lands_on_their_unit_and_the_page_sends_them_back_there_from_another_unit()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await DashboardNode.SignInAsync(context, fixture.Head);
        await Expect(page).ToHaveURLAsync(new Regex($"#/units/{DashboardNode.Unit}$"));
        await Expect(page.GetByTestId("unit-name")).ToHaveTextAsync(DashboardNode.UnitName);
        await Expect(page.GetByTestId("user")).ToHaveTextAsync($"{fixture.Head.DisplayName} · Thủ trưởng đơn vị");
        await Expect(page.GetByTestId("nav-rankings")).ToBeHiddenAsync();

        foreach (var elsewhere in new[] { $"#/units/{DashboardNode.OtherUnit}", $"#/units/{DashboardNode.OtherUnit}/late", "#/rankings", "#/" })
        {
            await page.EvaluateAsync("hash => { location.hash = hash; }", elsewhere);

            await Expect(page).ToHaveURLAsync(new Regex($"#/units/{DashboardNode.Unit}$"));
            await Expect(page.GetByTestId("unit-name")).ToHaveTextAsync(DashboardNode.UnitName);
            await Expect(page.GetByTestId("unit-total")).ToHaveTextAsync(Screens.VietnamesePoints());
        }
    }

    [Fact]
    public async Task The_API_answers_403_for_another_unit_to_the_pages_fetch_and_to_a_client_with_the_same_cookie()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await DashboardNode.SignInAsync(context, fixture.Head);
        const string status = "async path => (await fetch(path, { credentials: 'same-origin', headers: { Accept: 'application/json' } })).status";

        (await page.EvaluateAsync<int>(status, $"/api/v1/units/{DashboardNode.OtherUnit}/indicators")).Should().Be(403);
        (await page.EvaluateAsync<int>(status, "/api/v1/rankings")).Should().Be(403);
        (await page.EvaluateAsync<int>(status, $"/api/v1/units/{DashboardNode.Unit}/indicators")).Should().Be(200);

        using var client = await CookieClientAsync(context);
        (await client.GetAsync(new Uri($"/api/v1/units/{DashboardNode.OtherUnit}/indicators", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await client.GetAsync(new Uri($"/api/v1/units/{DashboardNode.OtherUnit}/dossiers?status=overdue", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await client.GetAsync(new Uri($"/api/v1/units/{DashboardNode.Unit}/indicators", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_hub_refuses_another_unit_to_the_pages_SignalR_client_and_to_a_dotnet_client_with_the_same_cookie()
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
        (await page.EvaluateAsync<string>(subscribe, DashboardNode.OtherUnit)).Should().Contain($"not unit '{DashboardNode.OtherUnit}'");

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
        var other = () => hub.InvokeAsync("Subscribe", DashboardNode.OtherUnit);

        (await other.Should().ThrowAsync<HubException>()).WithMessage($"*may read unit {DashboardNode.Unit} ({DashboardNode.UnitName})*not unit '{DashboardNode.OtherUnit}'*");
        hub.State.Should().Be(HubConnectionState.Connected, "a refused subscription leaves the connection open");
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
