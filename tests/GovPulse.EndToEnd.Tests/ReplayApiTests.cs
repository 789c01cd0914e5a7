using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GovPulse.EndToEnd.Tests.Fixtures;

namespace GovPulse.EndToEnd.Tests;

/// <summary><c>POST /api/v1/admin/replay</c> through the real node: range replays and full rebuilds leave the figures as they were.</summary>
public sealed class ReplayApiTests(NodeFixture fixture) : IClassFixture<NodeFixture>
{
    private const string Unit = "26758"; // Phường Cầu Ông Lãnh
    private static readonly DateTimeOffset Received = new(2026, 10, 6, 9, 0, 0, TimeSpan.FromHours(7));

    [Fact]
    public async Task A_range_replay_reads_the_range_and_a_rebuild_reads_everything_and_the_figures_stay()
    {
        using var client = fixture.Node.CreateClient(NodeFixture.ApiKey);
        var posted = await client.PostAsync("/api/v1/events", Ndjson.Body(
            Ndjson.Received(Unit, "replay-1", Received),
            Ndjson.Completed(Unit, "replay-1", Received.AddHours(4)),
            Ndjson.Received(Unit, "replay-2", Received.AddDays(1)),
            Ndjson.Received(Unit, "replay-3", Received.AddDays(20))));
        posted.EnsureSuccessStatusCode();
        var before = await Scorecard(client);

        var range = await Replay(client, new { unitCode = Unit, from = "2026-10-06T00:00:00+07:00", to = "2026-10-08T00:00:00+07:00" });
        var rebuild = await Replay(client, new { unitCode = Unit, rebuild = true });
        var after = await Scorecard(client);

        range.GetProperty("events").GetInt32().Should().Be(3);
        range.GetProperty("changed").GetInt32().Should().Be(0);
        range.GetProperty("rebuilt").GetBoolean().Should().BeFalse();
        rebuild.GetProperty("events").GetInt32().Should().Be(4);
        rebuild.GetProperty("rebuilt").GetBoolean().Should().BeTrue();
        after.GetProperty("counts").GetRawText().Should().Be(before.GetProperty("counts").GetRawText());
        after.GetProperty("total").GetDecimal().Should().Be(before.GetProperty("total").GetDecimal());
        before.GetProperty("counts").GetProperty("received").GetInt64().Should().Be(3);
    }

    [Fact]
    public async Task A_replay_needs_the_admin_key_and_a_known_unit_and_a_range()
    {
        using var anonymous = fixture.Node.CreateClient();
        using var admin = fixture.Node.CreateClient(NodeFixture.ApiKey);

        var noKey = await anonymous.PostAsJsonAsync("/api/v1/admin/replay", new { unitCode = Unit, rebuild = true });
        var unknown = await admin.PostAsJsonAsync("/api/v1/admin/replay", new { unitCode = "99999", rebuild = true });
        var noRange = await admin.PostAsJsonAsync("/api/v1/admin/replay", new { unitCode = Unit });

        noKey.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        unknown.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await unknown.Content.ReadAsStringAsync()).Should().Contain("'99999' is not a known unit");
        noRange.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    private static async Task<JsonElement> Replay(HttpClient client, object request)
    {
        var response = await client.PostAsJsonAsync("/api/v1/admin/replay", request);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static Task<JsonElement> Scorecard(HttpClient client) =>
        client.GetFromJsonAsync<JsonElement>($"/api/v1/units/{Unit}/indicators?period=2026-10");
}
