using System.Net;
using GovPulse.EndToEnd.Tests.Fixtures;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace GovPulse.EndToEnd.Tests;

/// <summary>The live hub: readers only; every reader subscribes to any unit's figures (the role matrix opens figures to every signed-in role).</summary>
[Collection(SecuredNode.Name)]
public sealed class HubAuthorizationTests(SecuredNodeFixture fixture)
{
    private Uri Hub => new(fixture.Node.BaseAddress, "/hubs/indicators");

    [Fact]
    public async Task A_department_heads_client_gets_its_own_unit_the_city_and_another_unit()
    {
        var head = await fixture.SessionOf("e2e.head.own");
        var inbox = new ScorecardInbox();
        await using var hub = new HubConnectionBuilder()
            .WithUrl(Hub, o =>
            {
                o.Cookies = head.Cookies;
                o.Transports = HttpTransportType.WebSockets;
            })
            .Build();
        hub.On<ScorecardResponse>("scorecard", inbox.Add);
        await hub.StartAsync();

        await hub.InvokeAsync("Subscribe", SecuredNodeFixture.OwnUnit);
        await hub.InvokeAsync("Subscribe", "79");
        await hub.InvokeAsync("Subscribe", SecuredNodeFixture.OtherUnit);
        var unknown = () => hub.InvokeAsync("Subscribe", "no-such-unit");

        (await inbox.WaitFor(SecuredNodeFixture.OwnUnit, _ => true)).Name.Should().Be("Phường Tân Định");
        (await inbox.WaitFor("79", _ => true)).Name.Should().Be("Thành phố Hồ Chí Minh");
        (await inbox.WaitFor(SecuredNodeFixture.OtherUnit, _ => true)).Name.Should().Be("Sở Tư pháp");
        (await unknown.Should().ThrowAsync<HubException>()).WithMessage("*unit 'no-such-unit' is not a known unit*");
        hub.State.Should().Be(HubConnectionState.Connected, "a refused subscription leaves the connection as it was");
    }

    [Fact]
    public async Task A_scoped_key_and_a_leader_subscribe_to_any_unit()
    {
        var leader = await fixture.SessionOf("e2e.leader");
        await using var keyed = new HubConnectionBuilder().WithUrl(Hub, o => o.Headers.Add("X-Api-Key", fixture.ScopedKey)).Build();
        await using var led = new HubConnectionBuilder().WithUrl(Hub, o => o.Cookies = leader.Cookies).Build();
        var keyedInbox = new ScorecardInbox();
        keyed.On<ScorecardResponse>("scorecard", keyedInbox.Add);
        await keyed.StartAsync();
        await led.StartAsync();

        await keyed.InvokeAsync("Subscribe", SecuredNodeFixture.OwnUnit);
        await keyed.InvokeAsync("Subscribe", "26740");
        await led.InvokeAsync("Subscribe", "26740");
        await led.InvokeAsync("Subscribe", SecuredNodeFixture.OtherUnit);

        (await keyedInbox.WaitFor("26740", _ => true)).UnitCode.Should().Be("26740", "a key scoped to one unit reads every unit's figures");
    }

    [Fact]
    public async Task Nobody_connects_without_a_sign_in_or_a_key()
    {
        await using var anonymous = new HubConnectionBuilder().WithUrl(Hub).Build();
        await using var badKey = new HubConnectionBuilder().WithUrl(Hub, o => o.Headers.Add("X-Api-Key", "gp_" + new string('0', 48))).Build();

        (await ((Func<Task>)(() => anonymous.StartAsync())).Should().ThrowAsync<HttpRequestException>()).Which.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await ((Func<Task>)(() => badKey.StartAsync())).Should().ThrowAsync<HttpRequestException>()).Which.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }
}
