using System.Text.Json;
using System.Threading.Channels;
using GovPulse.EndToEnd.Tests.Fixtures;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace GovPulse.EndToEnd.Tests;

public sealed class LiveUpdateTests(NodeFixture fixture) : IClassFixture<NodeFixture>
{
    [Fact]
    public async Task A_subscribed_client_receives_the_units_new_scorecard_after_an_event_is_posted()
    {
        var now = DateTimeOffset.UtcNow.AddSeconds(-1);
        var inbox = new ScorecardInbox();
        await using var hub = new HubConnectionBuilder().WithUrl(new Uri(fixture.Node.BaseAddress, "/hubs/indicators"), o => o.Headers.Add("X-Api-Key", NodeFixture.ApiKey)).Build();
        hub.On<ScorecardResponse>("scorecard", inbox.Add);
        await hub.StartAsync();
        await hub.InvokeAsync("Subscribe", "26758");
        await hub.InvokeAsync("Subscribe", "79");
        var initial = await inbox.WaitFor("26758", _ => true);

        using var client = fixture.Node.CreateClient(NodeFixture.ApiKey);
        await client.PostAsync(new Uri("/api/v1/events", UriKind.Relative), Ndjson.Body(Ndjson.Received("26758", "e2e-live-1", now)));

        var updated = await inbox.WaitFor("26758", s => s.Counts.Received == initial.Counts.Received + 1);
        var city = await inbox.WaitFor("79", s => s.Counts.Received >= 1);
        updated.Name.Should().Be("Phường Cầu Ông Lãnh");
        city.Name.Should().Be("Thành phố Hồ Chí Minh");
    }

    [Fact]
    public async Task Scorecards_carry_their_version_over_the_API_and_the_hub_and_a_push_the_version_of_the_push_before_it()
    {
        const string unit = "27259"; // Phường Xóm Chiếu
        var inbox = Channel.CreateUnbounded<JsonElement>();
        await using var hub = new HubConnectionBuilder().WithUrl(new Uri(fixture.Node.BaseAddress, "/hubs/indicators"), o => o.Headers.Add("X-Api-Key", NodeFixture.ApiKey)).Build();
        hub.On<JsonElement>("scorecard", s => inbox.Writer.TryWrite(s));
        await hub.StartAsync();
        await hub.InvokeAsync("Subscribe", unit);
        var initial = await NextAsync(inbox, _ => true);
        var received = initial.GetProperty("counts").GetProperty("received").GetInt64();

        using var client = fixture.Node.CreateClient(NodeFixture.ApiKey);
        await client.PostAsync(new Uri("/api/v1/events", UriKind.Relative), Ndjson.Body(Ndjson.Received(unit, "e2e-version-1", DateTimeOffset.UtcNow.AddSeconds(-1))));
        var pushed = await NextAsync(inbox, s => s.GetProperty("counts").GetProperty("received").GetInt64() == received + 1);
        using var read = JsonDocument.Parse(await client.GetStringAsync(new Uri($"/api/v1/units/{unit}/indicators", UriKind.Relative)));
        using var city = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/v1/units/79/indicators", UriKind.Relative)));

        initial.TryGetProperty("previousVersion", out _).Should().BeFalse("the scorecard sent on subscribing is a read, not a push");
        pushed.GetProperty("version").GetInt64().Should().BeGreaterThanOrEqualTo(initial.GetProperty("version").GetInt64());
        pushed.GetProperty("previousVersion").GetInt64().Should().BeLessThanOrEqualTo(pushed.GetProperty("version").GetInt64());
        read.RootElement.GetProperty("version").GetInt64().Should().Be(pushed.GetProperty("version").GetInt64(), "nothing changed the unit since the push");
        read.RootElement.TryGetProperty("previousVersion", out _).Should().BeFalse();
        city.RootElement.GetProperty("version").ValueKind.Should().Be(JsonValueKind.Number);
    }

    [Fact]
    public async Task Subscribing_to_an_unknown_unit_fails_with_a_reason()
    {
        await using var hub = new HubConnectionBuilder().WithUrl(new Uri(fixture.Node.BaseAddress, "/hubs/indicators"), o => o.Headers.Add("X-Api-Key", NodeFixture.ApiKey)).Build();
        await hub.StartAsync();

        var subscribe = () => hub.InvokeAsync("Subscribe", "nowhere");

        (await subscribe.Should().ThrowAsync<HubException>()).WithMessage("*unit 'nowhere' is not a known unit*");
    }

    private static async Task<JsonElement> NextAsync(Channel<JsonElement> inbox, Func<JsonElement, bool> match)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var s = await inbox.Reader.ReadAsync(timeout.Token);
            if (match(s))
            {
                return s;
            }
        }
    }
}
