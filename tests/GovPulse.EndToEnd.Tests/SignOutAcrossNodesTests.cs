using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using GovPulse.EndToEnd.Tests.Fixtures;
using Microsoft.AspNetCore.SignalR.Client;

namespace GovPulse.EndToEnd.Tests;

/// <summary>
/// A sign-out is kept in ClickHouse: a node sharing the database refuses the session within its refresh
/// interval and closes its hub connection, and a node started afterwards refuses it from the start.
/// </summary>
public sealed class SignOutAcrossNodesTests : IAsyncLifetime
{
    private static readonly TimeSpan Refresh = TimeSpan.FromSeconds(1);

    private readonly string _firstDirectory = TempDirectory.NewPath("signout-a");
    private readonly string _secondDirectory = TempDirectory.NewPath("signout-b");

    [Fact]
    public async Task A_session_signed_out_on_one_node_is_refused_on_the_other_and_after_a_restart()
    {
        var first = await NodeProcess.StartAsync(_firstDirectory, NodeFixture.ApiKey,
            $"--GovPulse:ClickHouse:EmbeddedPassword={NodeFixture.SharedEnginePassword}");
        var site = first.BaseAddress;
        CookieContainer signedOut;
        try
        {
            await using var second = await NodeProcess.StartAsync(_secondDirectory, NodeFixture.ApiKey,
                $"--GovPulse:ClickHouse:ConnectionString={EventPoster.EmbeddedClickHouseConnectionString(first, NodeFixture.SharedEnginePassword)}",
                $"--GovPulse:Auth:UserRefreshInterval={Refresh:c}",
                // Nodes sharing a database share its key ring, so they need the first node's key ring key.
                $"--GovPulse:Secrets:KeyRingKeyFile={Path.Combine(_firstDirectory, "keyring.key")}");
            const string password = "mưa rào chiều qua sông Sài Gòn";
            using (var admin = first.CreateClient(NodeFixture.ApiKey))
            {
                using var created = await admin.PostAsJsonAsync("/api/v1/admin/users", new { username = "e2e.roaming", displayName = "E2E roaming", role = "leader", password });
                created.StatusCode.Should().Be(HttpStatusCode.Created);
            }

            using var browser = await PersonSession.SignInAsync(first, "e2e.roaming", password);
            // Kept apart from every client: a node that refuses a cookie also tells the client to delete it.
            var copy = SessionEndTests.CopyOf(browser.Cookies, first.BaseAddress);
            signedOut = copy;
            using var onSecond = new HttpClient(new HttpClientHandler { CookieContainer = CopyFor(copy, first.BaseAddress, second.BaseAddress) }) { BaseAddress = second.BaseAddress };
            await using var liveOnSecond = await HubClient.ConnectAsync(second, CopyFor(copy, first.BaseAddress, second.BaseAddress));
            var readOnSecond = await onSecond.GetAsync(PersonSession.Me);

            var logout = await browser.SendAsync(HttpMethod.Post, PersonSession.Logout);
            var refused = await TimeUntilRefusedAsync(onSecond);
            await liveOnSecond.Closed.WaitAsync(TimeSpan.FromSeconds(10));
            await using var again = HubClient.Unstarted(second, CopyFor(copy, first.BaseAddress, second.BaseAddress));
            var negotiate = () => again.StartAsync();

            readOnSecond.StatusCode.Should().Be(HttpStatusCode.OK, "one key ring: the session holds on every node");
            logout.StatusCode.Should().Be(HttpStatusCode.NoContent);
            refused.Should().BeLessThan(TimeSpan.FromSeconds(10), "the other node reads the sign-outs every second");
            liveOnSecond.Connection.State.Should().Be(HubConnectionState.Disconnected);
            (await negotiate.Should().ThrowAsync<HttpRequestException>()).Which.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        }
        finally
        {
            await first.DisposeAsync();
        }

        // The node that holds the database starts again: the sign-out is read back, not forgotten.
        await using var restarted = await NodeProcess.StartAsync(_firstDirectory, NodeFixture.ApiKey);
        using var stale = new HttpClient(new HttpClientHandler { CookieContainer = CopyFor(signedOut, site, restarted.BaseAddress) }) { BaseAddress = restarted.BaseAddress };
        (await stale.GetAsync(PersonSession.Me)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        TempDirectory.DeleteQuietly(_firstDirectory, _secondDirectory);

        return Task.CompletedTask;
    }

    /// <summary>The same cookies for another node's address (a cookie is kept per host and port).</summary>
    private static CookieContainer CopyFor(CookieContainer cookies, Uri from, Uri to)
    {
        var copy = new CookieContainer();
        foreach (Cookie cookie in cookies.GetCookies(from))
        {
            copy.Add(to, new Cookie(cookie.Name, cookie.Value, cookie.Path));
        }

        return copy;
    }

    /// <summary>How long until the node refuses the session (polled: nothing on this side can be awaited).</summary>
    private static async Task<TimeSpan> TimeUntilRefusedAsync(HttpClient client)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(15))
        {
            using var response = await client.GetAsync(PersonSession.Me);
            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                return clock.Elapsed;
            }

            await Task.Delay(100);
        }

        return clock.Elapsed;
    }
}
