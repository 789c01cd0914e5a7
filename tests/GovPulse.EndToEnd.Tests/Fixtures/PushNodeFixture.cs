using System.Net;
using System.Net.Http.Json;

namespace GovPulse.EndToEnd.Tests.Fixtures;

/// <summary>
/// A node for the Web Push tests: loopback push endpoints allowed (the push service stand-in listens
/// on 127.0.0.1 over http), short retry waits, at most <see cref="MaxSubscriptions"/> subscriptions a
/// person, and a known VAPID subject. People are made through the admin API as a test needs them.
/// </summary>
public sealed class PushNodeFixture : IAsyncLifetime
{
    public const int MaxSubscriptions = 3;

    public const string Subject = "mailto:push-ops@e2e.example";

    public string DataDirectory { get; } = TempDirectory.NewPath("push");

    public NodeProcess Node { get; private set; } = null!;

    public async Task InitializeAsync() => Node = await NodeProcess.StartAsync(
        DataDirectory,
        NodeFixture.ApiKey,
        "--GovPulse:Push:AllowLoopbackEndpoints=true",
        $"--GovPulse:Push:MaxSubscriptionsPerPerson={MaxSubscriptions}",
        $"--GovPulse:Push:Subject={Subject}",
        "--GovPulse:Push:FirstRetryDelay=00:00:00.200",
        "--GovPulse:Auth:SignInsPerMinutePerAddress=100000");

    /// <summary>A new person of <paramref name="role"/>, signed in.</summary>
    public async Task<PersonSession> NewPersonAsync(string role = "leader", string? unitCode = null)
    {
        var username = $"push.{role}.{Guid.NewGuid():N}"[..30].ToLowerInvariant();
        var password = "push e2e " + Guid.NewGuid().ToString("N")[..16];
        using var admin = Node.CreateClient(NodeFixture.ApiKey);
        using var created = await admin.PostAsJsonAsync("/api/v1/admin/users", new { username, displayName = "Push " + role, role, unitCode, password });
        if (created.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"Creating {username} answered {(int)created.StatusCode}: {await created.Content.ReadAsStringAsync()}");
        }

        return await PersonSession.SignInAsync(Node, username, password);
    }

    public async Task DisposeAsync()
    {
        await Node.DisposeAsync();
        TempDirectory.DeleteQuietly(DataDirectory);
    }
}
