using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using GovPulse.EndToEnd.Tests.Fixtures;

namespace GovPulse.EndToEnd.Tests;

/// <summary>
/// The quick start's demo users, their passwords in the secrets file (the output is not a terminal); sessions that hold on every node sharing ClickHouse (one
/// key ring) and end on every node when the user is disabled; the sign-in rate limit per address.
/// </summary>
public sealed partial class DemoUsersAndSessionsAcrossNodesTests : IAsyncLifetime
{
    private const int SignInsPerMinute = 6;
    private static readonly TimeSpan Refresh = TimeSpan.FromSeconds(1);

    private readonly string _firstDirectory = Path.Combine(Path.GetTempPath(), "govpulse-e2e-demo-a-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly string _secondDirectory = Path.Combine(Path.GetTempPath(), "govpulse-e2e-demo-b-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public async Task Demo_users_sign_in_with_the_passwords_of_the_secrets_file_and_their_sessions_hold_and_end_on_every_node()
    {
        await using var first = await NodeProcess.StartAsync(_firstDirectory, NodeFixture.ApiKey,
            $"--GovPulse:ClickHouse:EmbeddedPassword={NodeFixture.SharedEnginePassword}",
            "--GovPulse:Auth:DemoUsers=true", $"--GovPulse:Auth:SignInsPerMinutePerAddress={SignInsPerMinute}");
        // Nodes sharing a database share its key ring, so they need the same key ring key: the first node's.
        await using var second = await NodeProcess.StartAsync(_secondDirectory, NodeFixture.ApiKey,
            $"--GovPulse:ClickHouse:ConnectionString={EventPoster.EmbeddedClickHouseConnectionString(first, NodeFixture.SharedEnginePassword)}",
            $"--GovPulse:Auth:UserRefreshInterval={Refresh:c}",
            $"--GovPulse:Secrets:KeyRingKeyFile={Path.Combine(_firstDirectory, "keyring.key")}");

        // The output is not a terminal: the banner names the secrets file instead of the passwords.
        var lines = DemoLine().Matches(first.Output).ToDictionary(m => m.Groups["user"].Value, m => (Role: m.Groups["role"].Value, Where: m.Groups["where"].Value));
        lines.Keys.Should().BeEquivalentTo(["lanhdao", "truongphong", "kiemtoan", "quantri"]);
        lines["truongphong"].Role.Should().Be("departmentHead of so-tu-phap");
        var secretsFile = Path.Combine(_firstDirectory, SecretsFile.FileName);
        lines.Values.Select(l => l.Where).Should().AllBe(secretsFile);
        var printed = SecretsFile.DemoPasswords(secretsFile);
        printed.Keys.Should().BeEquivalentTo(lines.Keys);
        foreach (var password in printed.Values)
        {
            first.Output.Should().NotContain(password, "a password is never in the output when it is not a terminal");
            second.Output.Should().NotContain(password);
        }

        var roles = new Dictionary<string, JsonElement>();
        var sessions = new Dictionary<string, PersonSession>();
        try
        {
            foreach (var (user, password) in printed)
            {
                sessions[user] = await PersonSession.SignInAsync(first, user, password);
                roles[user] = await sessions[user].Client.GetFromJsonAsync<JsonElement>(PersonSession.Me);
            }

            // The same browser (its cookies) on the other node: one key ring in ClickHouse, one session.
            using var onSecond = new HttpClient(new HttpClientHandler { CookieContainer = sessions["truongphong"].Cookies }) { BaseAddress = second.BaseAddress };
            var readOnSecond = await onSecond.GetAsync(new Uri("/api/v1/units/so-tu-phap/indicators", UriKind.Relative));
            using var admin = first.CreateClient(NodeFixture.ApiKey);
            (await admin.PostAsync(new Uri("/api/v1/admin/users/truongphong/disable", UriKind.Relative), null)).StatusCode.Should().Be(HttpStatusCode.NoContent);
            var ended = await TimeUntilRefusedAsync(onSecond);

            roles.ToDictionary(r => r.Key, r => r.Value.GetProperty("role").GetString()).Should().BeEquivalentTo(new Dictionary<string, string?>
            {
                ["lanhdao"] = "leader", ["truongphong"] = "departmentHead", ["kiemtoan"] = "auditor", ["quantri"] = "admin",
            });
            roles["truongphong"].GetProperty("unitCode").GetString().Should().Be("so-tu-phap");
            roles["lanhdao"].GetProperty("unitCode").ValueKind.Should().Be(JsonValueKind.Null);
            readOnSecond.StatusCode.Should().Be(HttpStatusCode.OK);
            ended.Should().BeLessThan(TimeSpan.FromSeconds(10), "the other node reads the user again every second");
        }
        finally
        {
            foreach (var session in sessions.Values)
            {
                session.Dispose();
            }
        }

        // Four sign-ins spent four of the address's six a minute; the bucket refills one every ten seconds.
        using var guesser = PersonSession.Anonymous(first);
        var statuses = new List<int>();
        for (var attempt = 0; attempt < SignInsPerMinute + 2 && !statuses.Contains(429); attempt++)
        {
            using var response = await guesser.SignInAsync($"guess{attempt}", "not a password at all");
            statuses.Add((int)response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                response.Headers.RetryAfter!.Delta.Should().BePositive();
            }
        }

        statuses.Should().Contain(429).And.StartWith(401);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        TempDirectory.DeleteQuietly(_firstDirectory, _secondDirectory);

        return Task.CompletedTask;
    }

    /// <summary>How long until the node refuses the session (polled: nothing on this side can be awaited).</summary>
    private static async Task<TimeSpan> TimeUntilRefusedAsync(HttpClient client)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(15))
        {
            using var response = await client.GetAsync(new Uri("/api/v1/account/me", UriKind.Relative));
            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                return clock.Elapsed;
            }

            await Task.Delay(100);
        }

        return clock.Elapsed;
    }

    /// <summary>A demo user's line in the start-up banner (silo/GovPulse.Silo/StartupBanner.cs) when the output is not a terminal.</summary>
    [GeneratedRegex(@"^\s+(?<user>lanhdao|truongphong|kiemtoan|quantri)\s+(?<role>\S+(?: of \S+)?)\s+password: in (?<where>\S+)\s*$", RegexOptions.Multiline)]
    private static partial Regex DemoLine();
}
