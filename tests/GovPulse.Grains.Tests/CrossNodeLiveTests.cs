using System.Collections.Immutable;
using System.Threading.Channels;
using GovPulse.Dashboard.Hubs;
using GovPulse.Grains.Tests.Fixtures;
using GovPulse.Indicators.Scoring;
using GovPulse.Indicators.Units;
using GovPulse.Storage;
using GovPulse.Storage.ClickHouse;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace GovPulse.Grains.Tests;

/// <summary>
/// Two nodes behave as one: a viewer connected to node A's hub receives the scorecard of a unit
/// whose grain lives on node B, through the live feed (no extra backplane).
/// </summary>
public sealed class CrossNodeLiveTests : IAsyncLifetime
{
    private const string Unit = "27142"; // Phường Nhiêu Lộc
    private readonly string _database = "crossnode_" + Guid.NewGuid().ToString("N")[..12];
    private readonly List<WebApplication> _hubHosts = [];
    private InProcessTestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSiloHost((_, host) =>
        {
            host.Configuration["GovPulse:DataDirectory"] = UnitClusterFixture.DataDirectory;
            host.Configuration["GovPulse:ClickHouse:Database"] = _database;
            host.AddGovPulseStorage();
            host.Services.AddGovPulseDomain();
            host.Services.AddSingleton<IScorecardPublisher, FeedScorecardPublisher>();
            host.Services.AddGovPulseSerialization();
        });
        builder.ConfigureClient(client => client.Services.AddGovPulseSerialization());
        _cluster = builder.Build();
        await _cluster.DeployAsync();
        foreach (var silo in _cluster.Silos)
        {
            _hubHosts.Add(await StartHubHost(silo.ServiceProvider.GetRequiredService<IGrainFactory>()));
        }
    }

    [Fact]
    public async Task A_viewer_on_node_A_receives_updates_of_a_unit_living_on_node_B()
    {
        // The grain lives on one of the two silos, so one of the two viewers is always on the other node.
        var grain = _cluster.Client.GetGrain<IUnitGrain>(Unit);
        var onA = await Viewer(_hubHosts[0]);
        var onB = await Viewer(_hubHosts[1]);

        var e = Events.Received(Unit, "cross-1", DateTimeOffset.UtcNow.AddMinutes(-1));
        await grain.Apply([e]);

        (await NextFor(onA.Inbox, s => s.UnitCode == Unit && s.Counts.Received == 1)).Name.Should().Be("Phường Nhiêu Lộc");
        (await NextFor(onB.Inbox, s => s.UnitCode == Unit && s.Counts.Received == 1)).Name.Should().Be("Phường Nhiêu Lộc");
        await onA.Connection.DisposeAsync();
        await onB.Connection.DisposeAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var host in _hubHosts)
        {
            await host.DisposeAsync();
        }

        await _cluster.StopAllSilosAsync();
        await _cluster.DisposeAsync();
    }

    /// <summary>A node's web side: the hub and its live-feed subscription, bound to one silo.</summary>
    private static async Task<WebApplication> StartHubHost(IGrainFactory grains)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddSignalR();
        builder.Services.AddSingleton(UnitDirectory.HoChiMinhCity);
        builder.Services.AddSingleton(ScoringClock.System);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(grains);
        builder.Services.AddSingleton<HubLiveFeedObserver>();
        builder.Services.AddHostedService<LiveFeedSubscription>();
        var app = builder.Build();
        app.MapHub<IndicatorsHub>(IndicatorsHub.Path);
        await app.StartAsync();

        await app.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<LiveFeedSubscription>().Single()
            .Subscribed.WaitAsync(TimeSpan.FromSeconds(30));
        return app;
    }

    private static async Task<(HubConnection Connection, Channel<Scorecard> Inbox)> Viewer(WebApplication host)
    {
        var address = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var inbox = Channel.CreateUnbounded<Scorecard>();
        var connection = new HubConnectionBuilder().WithUrl(address + IndicatorsHub.Path).Build();
        connection.On<Scorecard>(IndicatorsHub.ScorecardMessage, s => inbox.Writer.TryWrite(s));
        await connection.StartAsync();
        await connection.InvokeAsync("Subscribe", Unit);
        return (connection, inbox);
    }

    private static async Task<Scorecard> NextFor(Channel<Scorecard> inbox, Func<Scorecard, bool> match)
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
