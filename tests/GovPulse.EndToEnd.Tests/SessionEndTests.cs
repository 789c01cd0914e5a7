using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GovPulse.EndToEnd.Tests.Fixtures;
using Microsoft.AspNetCore.SignalR.Client;

namespace GovPulse.EndToEnd.Tests;

/// <summary>
/// People and keys lose access when they should, on the API and the live hub alike: signing out ends
/// the session on the server (a copy of the cookie is refused), and an open hub connection closes when
/// its key is revoked, its session signed out or its user disabled.
/// </summary>
[Collection(SecuredNode.Name)]
public sealed class SessionEndTests(SecuredNodeFixture fixture)
{
    /// <summary>The node's key refresh interval (the default): a revocation on another node is seen within it.</summary>
    private static readonly TimeSpan KeyRefresh = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task After_signing_out_a_copy_of_the_cookie_is_refused_by_the_api_and_the_hub_and_its_open_connection_closes()
    {
        var password = await fixture.CreateUserAsync("e2e.signout.copy", "auditor");
        using var browser = await PersonSession.SignInAsync(fixture.Node, "e2e.signout.copy", password);
        // Kept apart from every client: a node that refuses a cookie also tells the client to delete it.
        var copy = CopyOf(browser.Cookies, fixture.Node.BaseAddress);
        await using var live = await HubClient.ConnectAsync(fixture.Node, CopyOf(copy, fixture.Node.BaseAddress));
        var before = await GetWithAsync(copy, PersonSession.Me);

        var logout = await browser.SendAsync(HttpMethod.Post, PersonSession.Logout);
        await live.Closed.WaitAsync(TimeSpan.FromSeconds(10));
        var me = await GetWithAsync(copy, PersonSession.Me);
        var rankings = await GetWithAsync(copy, new Uri("/api/v1/rankings", UriKind.Relative));
        await using var again = HubClient.Unstarted(fixture.Node, CopyOf(copy, fixture.Node.BaseAddress));
        var negotiate = () => again.StartAsync();

        before.Should().Be(HttpStatusCode.OK);
        logout.StatusCode.Should().Be(HttpStatusCode.NoContent);
        live.Connection.State.Should().Be(HubConnectionState.Disconnected, "the node closed it; the test never stops it");
        me.Should().Be(HttpStatusCode.Unauthorized, "the cookie still decrypts, but its session is signed out");
        rankings.Should().Be(HttpStatusCode.Unauthorized);
        (await negotiate.Should().ThrowAsync<HttpRequestException>()).Which.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Signing_out_ends_only_that_session_not_the_users_others()
    {
        var password = await fixture.CreateUserAsync("e2e.signout.two", "leader");
        using var phone = await PersonSession.SignInAsync(fixture.Node, "e2e.signout.two", password);
        using var desk = await PersonSession.SignInAsync(fixture.Node, "e2e.signout.two", password);

        var logout = await phone.SendAsync(HttpMethod.Post, PersonSession.Logout);
        var signInAgain = await phone.SignInAsync("e2e.signout.two", password);
        var phoneAgain = await phone.Client.GetAsync(PersonSession.Me);
        var deskStill = await desk.Client.GetAsync(PersonSession.Me);

        logout.StatusCode.Should().Be(HttpStatusCode.NoContent);
        signInAgain.StatusCode.Should().Be(HttpStatusCode.OK);
        phoneAgain.StatusCode.Should().Be(HttpStatusCode.OK, "a new sign-in is a new session");
        deskStill.StatusCode.Should().Be(HttpStatusCode.OK, "the same person signed in elsewhere stays signed in");
    }

    [Fact]
    public async Task A_revoked_keys_open_hub_connection_closes_within_the_refresh_interval_and_cannot_open_again()
    {
        using var admin = fixture.Node.CreateClient(NodeFixture.ApiKey);
        using var created = await admin.PostAsJsonAsync("/api/v1/admin/keys", new { name = "e2e key to revoke", units = new[] { SecuredNodeFixture.OwnUnit } });
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var key = body.GetProperty("key").GetString()!;
        await using var live = await HubClient.ConnectAsync(fixture.Node, key);
        await live.Connection.InvokeAsync("Subscribe", SecuredNodeFixture.OwnUnit);

        using var revoked = await admin.DeleteAsync(new Uri($"/api/v1/admin/keys/{body.GetProperty("id").GetString()}", UriKind.Relative));
        await live.Closed.WaitAsync(KeyRefresh);
        await using var again = HubClient.Unstarted(fixture.Node, key);
        var reconnect = () => again.StartAsync();

        revoked.StatusCode.Should().Be(HttpStatusCode.NoContent);
        live.Connection.State.Should().Be(HubConnectionState.Disconnected, "the node closed it; the test never stops it");
        (await reconnect.Should().ThrowAsync<HttpRequestException>()).Which.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_disabled_users_open_hub_connection_closes_and_their_cookie_is_refused()
    {
        var password = await fixture.CreateUserAsync("e2e.disabled.live", "departmentHead", SecuredNodeFixture.OwnUnit);
        using var browser = await PersonSession.SignInAsync(fixture.Node, "e2e.disabled.live", password);
        var copy = CopyOf(browser.Cookies, fixture.Node.BaseAddress);
        await using var live = await HubClient.ConnectAsync(fixture.Node, browser.Cookies);
        await live.Connection.InvokeAsync("Subscribe", SecuredNodeFixture.OwnUnit);
        using var admin = fixture.Node.CreateClient(NodeFixture.ApiKey);

        using var disabled = await admin.PostAsync(new Uri("/api/v1/admin/users/e2e.disabled.live/disable", UriKind.Relative), null);
        await live.Closed.WaitAsync(KeyRefresh);
        var me = await GetWithAsync(copy, PersonSession.Me);
        var own = await GetWithAsync(copy, new Uri($"/api/v1/units/{SecuredNodeFixture.OwnUnit}/indicators", UriKind.Relative));

        disabled.StatusCode.Should().Be(HttpStatusCode.NoContent);
        live.Connection.State.Should().Be(HubConnectionState.Disconnected, "the node closed it; the test never stops it");
        me.Should().Be(HttpStatusCode.Unauthorized);
        own.Should().Be(HttpStatusCode.Unauthorized);
    }

    /// <summary>A GET from another browser holding a copy of <paramref name="cookies"/> (the copy is spent: a refusal deletes it).</summary>
    private async Task<HttpStatusCode> GetWithAsync(CookieContainer cookies, Uri path)
    {
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = CopyOf(cookies, fixture.Node.BaseAddress) }) { BaseAddress = fixture.Node.BaseAddress };
        using var response = await client.GetAsync(path);
        return response.StatusCode;
    }

    /// <summary>Another browser holding the same cookies (a stolen or left-behind copy).</summary>
    internal static CookieContainer CopyOf(CookieContainer cookies, Uri site)
    {
        var copy = new CookieContainer();
        foreach (Cookie cookie in cookies.GetCookies(site))
        {
            copy.Add(site, new Cookie(cookie.Name, cookie.Value, cookie.Path));
        }

        return copy;
    }
}
