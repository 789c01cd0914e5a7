using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace GovPulse.EndToEnd.Tests.Fixtures;

/// <summary>
/// One node shared by the sign-in, users, hub and authorisation tests, with a person of every role
/// (made through the admin API with the bootstrap key) and a key scoped to one commune. Its sign-in
/// rate limit is raised, since every test signs in from 127.0.0.1.
/// </summary>
public sealed class SecuredNodeFixture : IAsyncLifetime
{
    /// <summary>The unit the "own unit" callers read: Phường Tân Định.</summary>
    public const string OwnUnit = "26737";

    /// <summary>The unit of the other department head: Sở Tư pháp.</summary>
    public const string OtherUnit = "so-tu-phap";

    private readonly ConcurrentDictionary<string, Lazy<Task<PersonSession>>> _sessions = new();

    public string DataDirectory { get; } = TempDirectory.NewPath("e2e");

    public NodeProcess Node { get; private set; } = null!;

    /// <summary>Every password given to anyone on this node, so a test can look for them in the node's output.</summary>
    public ConcurrentBag<string> Passwords { get; } = [];

    /// <summary>One person of each role, made at start: username → password.</summary>
    public IReadOnlyDictionary<string, string> People { get; private set; } = new Dictionary<string, string>();

    /// <summary>A user nobody signs in as, for the admin endpoints to disable, enable and give passwords.</summary>
    public const string TargetUser = "e2e.target";

    /// <summary>A key that may send and read <see cref="OwnUnit"/> only.</summary>
    public string ScopedKey { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Node = await NodeProcess.StartAsync(DataDirectory, NodeFixture.ApiKey, "--GovPulse:Auth:SignInsPerMinutePerAddress=100000");
        var people = new Dictionary<string, string>();
        foreach (var (username, role, unit) in new[]
        {
            ("e2e.leader", "leader", (string?)null),
            ("e2e.head.own", "departmentHead", OwnUnit),
            ("e2e.head.other", "departmentHead", OtherUnit),
            ("e2e.auditor", "auditor", null),
            ("e2e.admin", "admin", null),
        })
        {
            people[username] = await CreateUserAsync(username, role, unit);
        }

        People = people;
        await CreateUserAsync(TargetUser, "auditor");
        using var admin = Node.CreateClient(NodeFixture.ApiKey);
        using var created = await admin.PostAsJsonAsync("/api/v1/admin/keys", new { name = "e2e scoped reader", units = new[] { OwnUnit } });
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        ScopedKey = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!;
    }

    /// <summary>Creates a user with a new random password (returned, and remembered in <see cref="Passwords"/>).</summary>
    public async Task<string> CreateUserAsync(string username, string role, string? unitCode = null)
    {
        var password = NewPassword();
        using var admin = Node.CreateClient(NodeFixture.ApiKey);
        using var response = await admin.PostAsJsonAsync("/api/v1/admin/users", new { username, displayName = "E2E " + username, role, unitCode, password });
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"Creating {username} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        return password;
    }

    /// <summary>A password by the policy, different every time.</summary>
    public string NewPassword()
    {
        var password = "e2e pass " + Guid.NewGuid().ToString("N")[..16];
        Passwords.Add(password);
        return password;
    }

    /// <summary>A signed-in session of one of <see cref="People"/>, shared by the tests that only read with it.</summary>
    public Task<PersonSession> SessionOf(string username) =>
        _sessions.GetOrAdd(username, name => new Lazy<Task<PersonSession>>(() => PersonSession.SignInAsync(Node, name, People[name]))).Value;

    public async Task DisposeAsync()
    {
        foreach (var session in _sessions.Values.Where(s => s.IsValueCreated && s.Value.IsCompletedSuccessfully))
        {
            session.Value.Result.Dispose();
        }

        await Node.DisposeAsync();
        TempDirectory.DeleteQuietly(DataDirectory);
    }
}

/// <summary>The tests that share one <see cref="SecuredNodeFixture"/> (one node start for all of them).</summary>
[CollectionDefinition(Name)]
public sealed class SecuredNode : ICollectionFixture<SecuredNodeFixture>
{
    public const string Name = "secured node";
}
