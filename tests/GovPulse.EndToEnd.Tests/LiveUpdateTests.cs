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
    public async Task Subscribing_to_an_unknown_unit_fails_with_a_reason()
    {
        await using var hub = new HubConnectionBuilder().WithUrl(new Uri(fixture.Node.BaseAddress, "/hubs/indicators"), o => o.Headers.Add("X-Api-Key", NodeFixture.ApiKey)).Build();
        await hub.StartAsync();

        var subscribe = () => hub.InvokeAsync("Subscribe", "nowhere");

        (await subscribe.Should().ThrowAsync<HubException>()).WithMessage("*unit 'nowhere' is not a known unit*");
    }
}
