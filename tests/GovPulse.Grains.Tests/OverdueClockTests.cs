using System.Collections.Immutable;
using System.Threading.Channels;
using GovPulse.Dashboard.Hubs;
using GovPulse.Grains.Tests.Fixtures;
using GovPulse.Indicators.Scoring;
using GovPulse.Indicators.Units;
using GovPulse.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;

namespace GovPulse.Grains.Tests;

/// <summary>
/// A dossier that passes its due time changes the figures by itself: the unit grain wakes on the
/// scoring clock at the due instant and a SignalR client subscribed to the unit gets the new
/// scorecard, with no event sent. Real cluster, real ClickHouse, real hub on 127.0.0.1.
/// </summary>
public sealed class OverdueClockTests : IAsyncLifetime
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);
    private static readonly DateTimeOffset Monday = new(2026, 9, 14, 9, 0, 0, Vietnam);
    private static readonly DateTimeOffset Due = new(2026, 9, 16, 17, 0, 0, Vietnam);
    private const string Unit = "27139"; // Phường Xuân Hòa

    private readonly FakeTimeProvider _time = new(Monday.AddMinutes(5));
    private readonly string _database = "overdue_" + Guid.NewGuid().ToString("N")[..12];
    private WebApplication _web = null!;
    private InProcessTestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        var clock = new ScoringClock(_time);
        var clusterBuilder = new InProcessTestClusterBuilder(1);
        clusterBuilder.ConfigureSiloHost((_, host) =>
        {
            host.Configuration["GovPulse:DataDirectory"] = UnitClusterFixture.DataDirectory;
            host.Configuration["GovPulse:ClickHouse:Database"] = _database;
            host.AddGovPulseStorage();
            host.Services.AddSingleton<IScorecardPublisher, FeedScorecardPublisher>();
            host.Services.AddSingleton(clock);
            host.Services.AddGovPulseDomain();
            host.Services.AddGovPulseSerialization();
        });
        clusterBuilder.ConfigureClient(client => client.Services.AddGovPulseSerialization());
        _cluster = clusterBuilder.Build();
        await _cluster.DeployAsync();

        // The node's web side, as in production: the hub's observer on the live feed.
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddSignalR();
        builder.Services.AddSingleton(UnitDirectory.HoChiMinhCity);
        builder.Services.AddSingleton(clock);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<IGrainFactory>(_cluster.Client);
        builder.Services.AddSingleton<HubLiveFeedObserver>();
        builder.Services.AddHostedService<LiveFeedSubscription>();
        _web = builder.Build();
        _web.MapHub<IndicatorsHub>(IndicatorsHub.Path);
        await _web.StartAsync();
        await _web.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<LiveFeedSubscription>().Single()
            .Subscribed.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task A_dossier_turns_overdue_at_its_due_instant_and_the_subscribed_client_gets_the_new_scorecard()
    {
        var received = Events.Received(Unit, "clock-1", Monday) with { DueAt = Due };
        await _cluster.Client.GetGrain<IUnitGrain>(Unit).Apply([received]);

        var pushed = Channel.CreateUnbounded<Scorecard>();
        var address = _web.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        await using var hub = new HubConnectionBuilder().WithUrl(address + IndicatorsHub.Path).Build();
        hub.On<Scorecard>(IndicatorsHub.ScorecardMessage, s => pushed.Writer.TryWrite(s));
        await hub.StartAsync();
        await hub.InvokeAsync("Subscribe", Unit);
        var before = await Next(pushed);

        _time.Advance(Due - _time.GetUtcNow() - TimeSpan.FromMinutes(1));
        var stillOnTime = await _cluster.Client.GetGrain<IUnitGrain>(Unit).GetScorecard(Indicators.Periods.Period.Month(2026, 9));
        _time.Advance(TimeSpan.FromMinutes(1)); // exactly the due instant
        var after = await Next(pushed);

        before.Counts.InProgressOnTime.Should().Be(1);
        stillOnTime.Counts.InProgressOnTime.Should().Be(1);
        after.Counts.InProgressOnTime.Should().Be(0);
        after.Counts.InProgressOverdue.Should().Be(1);
        after.EvaluatedAt.Should().Be(Due);
        Points(before, IndicatorCode.ON_TIME_PROCESSING).Should().Be(20);
        Points(after, IndicatorCode.ON_TIME_PROCESSING).Should().Be(0);
    }

    [Fact]
    public async Task A_due_time_further_away_than_a_timer_can_wait_is_still_caught_at_its_instant()
    {
        // 60 days (13 November): beyond the ~49.7 days a .NET timer can wait in one go.
        var farDue = Monday.AddDays(60);
        var received = Events.Received(Unit, "clock-far", Monday) with { DueAt = farDue };
        var grain = _cluster.Client.GetGrain<IUnitGrain>(Unit);
        var applied = await grain.Apply([received]);

        var pushed = Channel.CreateUnbounded<Scorecard>();
        var address = _web.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        await using var hub = new HubConnectionBuilder().WithUrl(address + IndicatorsHub.Path).Build();
        hub.On<Scorecard>(IndicatorsHub.ScorecardMessage, s => pushed.Writer.TryWrite(s));
        await hub.StartAsync();
        await hub.InvokeAsync("Subscribe", Unit);
        await Next(pushed);

        _time.Advance(farDue - _time.GetUtcNow() - TimeSpan.FromMinutes(1)); // the day-long wait fires; not due yet
        var stillOnTime = await grain.GetScorecard(Indicators.Periods.Period.Month(2026, 9));
        _time.Advance(TimeSpan.FromMinutes(1));
        var after = await Next(pushed);
        var year = await grain.GetScorecard(Indicators.Periods.Period.Year(2026)); // judged at now: the due instant

        (applied.Changed + applied.Unchanged).Should().Be(1, "the unit activated and took the event");
        stillOnTime.Counts.InProgressOnTime.Should().Be(1);
        after.EvaluatedAt.Should().Be(farDue);
        year.Counts.InProgressOverdue.Should().Be(1);
    }

    public async Task DisposeAsync()
    {
        await _web.DisposeAsync();
        await _cluster.StopAllSilosAsync();
        await _cluster.DisposeAsync();
    }

    private static decimal Points(Scorecard s, IndicatorCode code) =>
        s.Groups.SelectMany(g => g.Indicators).Single(i => i.Code == code).Points;

    private static async Task<Scorecard> Next(Channel<Scorecard> channel)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await channel.Reader.ReadAsync(timeout.Token);
    }
}
