using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GovPulse.EndToEnd.Tests.Fixtures;
using Microsoft.AspNetCore.SignalR.Client;

namespace GovPulse.EndToEnd.Tests;

/// <summary>
/// A hub connection receives what its caller reads over the API, and a unit's scorecard only when it
/// subscribed: the <c>hourly</c> summary (every unit's rank) reaches a leader, a department head and a
/// unit-scoped key alike, as <c>/rankings</c> answers each of them (figures are open to every signed-in
/// role); a unit's <c>scorecard</c> reaches only the connections subscribed to that unit.
/// </summary>
public sealed class HubMessagesByRoleTests : IAsyncLifetime
{
    private const string OwnUnit = "26737"; // Phường Tân Định
    private const string OtherUnit = "26740";
    private const string City = "79";

    /// <summary>How far ahead the hourly job fires at first: time to start the node and open every connection before it.</summary>
    private static readonly TimeSpan FirstLead = TimeSpan.FromSeconds(40);

    /// <summary>Room left between the connections being open and the firing.</summary>
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(3);

    private readonly List<string> _directories = [];

    [Fact]
    public async Task The_hourly_summary_reaches_every_reader_of_the_rankings_and_a_scorecard_only_subscribers_of_its_unit()
    {
        await using var audience = await ListenersBeforeTheHourAsync();
        var (node, leader, head, key) = (audience.Node, audience.Leader, audience.Head, audience.Key);
        using var admin = node.CreateClient(NodeFixture.ApiKey);

        var now = DateTimeOffset.UtcNow;
        using var posted = await admin.PostAsync(new Uri("/api/v1/events", UriKind.Relative), Ndjson.Body(
            Ndjson.Received(OtherUnit, "e2e-hub-roles-1", now.AddMinutes(-2)),
            Ndjson.Received(OwnUnit, "e2e-hub-roles-2", now.AddMinutes(-1))));
        await leader.Scorecards.WaitFor(OtherUnit, s => s.Counts.Received >= 1);
        await head.Scorecards.WaitFor(OwnUnit, s => s.Counts.Received >= 1);
        await key.Scorecards.WaitFor(OwnUnit, s => s.Counts.Received >= 1);
        JsonElement hourly, headHourly, keyHourly;
        try
        {
            var wait = audience.FireAt - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(60);
            hourly = await leader.FirstHourly.WaitAsync(wait);
            headHourly = await head.FirstHourly.WaitAsync(TimeSpan.FromSeconds(30));
            keyHourly = await key.FirstHourly.WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"An hourly summary did not reach every reader (the job was to fire at {audience.FireAt:O}):\n{node.Output}");
        }

        // A round trip on each of the other connections: anything the node had sent them before is in by its answer.
        await head.Connection.InvokeAsync("Unsubscribe", City);
        await key.Connection.InvokeAsync("Unsubscribe", OwnUnit);
        using var headRankings = await audience.HeadBrowser.Client.GetAsync(new Uri("/api/v1/rankings", UriKind.Relative));
        using var keyClient = node.CreateClient(audience.ScopedKey);
        using var keyRankings = await keyClient.GetAsync(new Uri("/api/v1/rankings", UriKind.Relative));

        posted.StatusCode.Should().Be(HttpStatusCode.OK);
        hourly.GetProperty("best").ValueKind.Should().Be(JsonValueKind.Array);
        leader.Hourly.Should().HaveCount(1);
        head.Hourly.Should().HaveCount(1, "a department head reads the rankings, so gets the hourly summary");
        key.Hourly.Should().HaveCount(1, "so does a key scoped to one unit");
        headHourly.GetRawText().Should().Be(hourly.GetRawText(), "everyone gets the same summary");
        keyHourly.GetRawText().Should().Be(hourly.GetRawText());
        headRankings.StatusCode.Should().Be(HttpStatusCode.OK, "the API's rule is the hub's");
        keyRankings.StatusCode.Should().Be(HttpStatusCode.OK);
        leader.ScorecardUnits.Should().Contain([OtherUnit, OwnUnit]);
        head.ScorecardUnits.Should().OnlyContain(u => u == OwnUnit || u == City);
        key.ScorecardUnits.Should().OnlyContain(u => u == OwnUnit);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        TempDirectory.DeleteQuietly([.. _directories]);

        return Task.CompletedTask;
    }

    /// <summary>
    /// A node whose hourly job fires once, ahead, and a leader, a department head and a scoped key
    /// connected and subscribed before it fires (the hour is published at the job's first firing only).
    /// A node too slow to start for that is started again with twice the lead.
    /// </summary>
    private async Task<Audience> ListenersBeforeTheHourAsync()
    {
        for (var lead = FirstLead; ; lead *= 2)
        {
            var fireAt = DateTimeOffset.UtcNow.Add(lead);
            var local = fireAt.ToOffset(TimeSpan.FromHours(7));
            var directory = TempDirectory.NewPath("hub-roles");
            _directories.Add(directory);
            var node = await NodeProcess.StartAsync(directory, NodeFixture.ApiKey,
                $"--GovPulse:Hourly:Cron={local.Second} {local.Minute} {local.Hour} * * ?", "--GovPulse:Hourly:CatchUpHours=0");
            var audience = new Audience(node, fireAt);
            try
            {
                await audience.ConnectAsync();
            }
            catch
            {
                await audience.DisposeAsync();
                throw;
            }

            if (DateTimeOffset.UtcNow < fireAt - Margin)
            {
                return audience;
            }

            await audience.DisposeAsync();
            if (lead > TimeSpan.FromMinutes(3))
            {
                throw new TimeoutException($"The node never started with {lead} to spare before its hourly job fired.");
            }
        }
    }

    /// <summary>The node and its three listeners.</summary>
    private sealed class Audience(NodeProcess node, DateTimeOffset fireAt) : IAsyncDisposable
    {
        public NodeProcess Node => node;

        public DateTimeOffset FireAt => fireAt;

        public string ScopedKey { get; private set; } = null!;

        public PersonSession HeadBrowser { get; private set; } = null!;

        public HubClient Leader { get; private set; } = null!;

        public HubClient Head { get; private set; } = null!;

        public HubClient Key { get; private set; } = null!;

        private PersonSession? _leaderBrowser;

        public async Task ConnectAsync()
        {
            using var admin = node.CreateClient(NodeFixture.ApiKey);
            var leaderPassword = await CreateUserAsync(admin, "e2e.hub.leader", "leader", null);
            var headPassword = await CreateUserAsync(admin, "e2e.hub.head", "departmentHead", OwnUnit);
            using var created = await admin.PostAsJsonAsync("/api/v1/admin/keys", new { name = "e2e hub scoped key", units = new[] { OwnUnit } });
            ScopedKey = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!;
            _leaderBrowser = await PersonSession.SignInAsync(node, "e2e.hub.leader", leaderPassword);
            HeadBrowser = await PersonSession.SignInAsync(node, "e2e.hub.head", headPassword);
            Leader = await HubClient.ConnectAsync(node, _leaderBrowser.Cookies);
            Head = await HubClient.ConnectAsync(node, HeadBrowser.Cookies);
            Key = await HubClient.ConnectAsync(node, ScopedKey);
            await Leader.Connection.InvokeAsync("Subscribe", OtherUnit);
            await Leader.Connection.InvokeAsync("Subscribe", OwnUnit);
            await Head.Connection.InvokeAsync("Subscribe", OwnUnit);
            await Head.Connection.InvokeAsync("Subscribe", City);
            await Key.Connection.InvokeAsync("Subscribe", OwnUnit);
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var hub in new[] { Leader, Head, Key })
            {
                if (hub is not null)
                {
                    await hub.DisposeAsync();
                }
            }

            _leaderBrowser?.Dispose();
            HeadBrowser?.Dispose();
            await node.DisposeAsync();
        }

        private static async Task<string> CreateUserAsync(HttpClient admin, string username, string role, string? unitCode)
        {
            var password = "e2e hub pass " + Guid.NewGuid().ToString("N")[..12];
            using var response = await admin.PostAsJsonAsync("/api/v1/admin/users", new { username, displayName = "E2E " + username, role, unitCode, password });
            response.StatusCode.Should().Be(HttpStatusCode.Created);
            return password;
        }
    }
}
