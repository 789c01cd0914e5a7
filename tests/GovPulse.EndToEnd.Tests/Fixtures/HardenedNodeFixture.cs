using System.Net;
using System.Net.Http.Json;

namespace GovPulse.EndToEnd.Tests.Fixtures;

/// <summary>
/// A node for the hygiene tests (headers, the lock per address, the password list, the read limit):
/// it believes <c>X-Forwarded-For</c> from 127.0.0.1, so a test can speak from several client
/// addresses; its read limits are low (<see cref="ReadsPerMinute"/>), so a test reaches them in a few
/// requests; the longest sign-in wait is 1 s, so a test reaches the lock in about 2 s.
/// Each test reads as its own caller (its own key, person or address), so their buckets never meet.
/// </summary>
public sealed class HardenedNodeFixture : IAsyncLifetime
{
    public const int ReadsPerMinute = 8;
    public const int AnonymousReadsPerMinute = 6;

    public string DataDirectory { get; } = TempDirectory.NewPath("e2e");

    public NodeProcess Node { get; private set; } = null!;

    public async Task InitializeAsync() => Node = await NodeProcess.StartAsync(
        DataDirectory,
        NodeFixture.ApiKey,
        "--GovPulse:Auth:KnownProxies:0=127.0.0.1",
        "--GovPulse:Auth:SignInsPerMinutePerAddress=100000",
        "--GovPulse:Auth:MaxSignInDelay=00:00:01",
        $"--GovPulse:Auth:ReadsPerMinute={ReadsPerMinute}",
        $"--GovPulse:Auth:AnonymousReadsPerMinute={AnonymousReadsPerMinute}");

    /// <summary>A browser at a client address of its own, as a proxy on 127.0.0.1 reports it.</summary>
    public PersonSession BrowserAt(string address)
    {
        var session = PersonSession.Anonymous(Node);
        session.Client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return session;
    }

    /// <summary>Creates a user with a new random password (returned).</summary>
    public async Task<string> CreateUserAsync(string username, string role = "leader")
    {
        var password = "hygiene " + Guid.NewGuid().ToString("N")[..16];
        using var admin = Node.CreateClient(NodeFixture.ApiKey);
        using var response = await admin.PostAsJsonAsync("/api/v1/admin/users", new { username, displayName = "E2E " + username, role, password });
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"Creating {username} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        return password;
    }

    public async Task DisposeAsync()
    {
        await Node.DisposeAsync();
        TempDirectory.DeleteQuietly(DataDirectory);
    }
}

/// <summary>The tests that share one <see cref="HardenedNodeFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class HardenedNode : ICollectionFixture<HardenedNodeFixture>
{
    public const string Name = "hardened node";
}
