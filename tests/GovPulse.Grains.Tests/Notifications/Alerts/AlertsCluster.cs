using GovPulse.Grains.Tests.Fixtures;
using GovPulse.Notifications.Alerts;
using GovPulse.Notifications.Notices;
using GovPulse.Notifications.Webhooks;
using GovPulse.Storage;
using GovPulse.Storage.ClickHouse;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace GovPulse.Grains.Tests.Notifications.Alerts;

/// <summary>
/// A one-silo cluster as a node runs the alerts: the real publisher (live feed, then the alerts
/// listener), the real stores over the embedded ClickHouse, a scoring clock the test moves, and the
/// recording notifier, outbox and probe. Started again over the same database, it is the node after a restart.
/// </summary>
public sealed class AlertsCluster : IAsyncDisposable
{
    private AlertsCluster(InProcessTestCluster cluster) => Cluster = cluster;

    public InProcessTestCluster Cluster { get; }

    public IGrainFactory Grains => Cluster.Client;

    public IServiceProvider Silo => Cluster.Silos[0].ServiceProvider;

    public static async Task<AlertsCluster> StartAsync(
        string database, ScoringClock clock, RecordingPersonNotifier notifier, RecordingWebhookOutbox outbox, RecordingAlertProbe probe)
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSiloHost((_, host) =>
        {
            host.Configuration["GovPulse:DataDirectory"] = UnitClusterFixture.DataDirectory;
            host.Configuration["GovPulse:ClickHouse:Database"] = database;
            // A few test dossiers score about 47 (most indicators have no catalogue data): with Trung bình
            // from 40, four dossiers turning overdue take a commune down a band, and new ones bring it back.
            host.Configuration["GovPulse:Scoring:Average"] = "40";
            host.AddGovPulseStorage();
            host.Services.AddSingleton<IScorecardPublisher, FeedScorecardPublisher>();
            host.Services.AddSingleton(clock);
            host.Services.AddGovPulseDomain();
            host.Services.AddGovPulseSerialization();
            host.Services.AddSingleton<AlertEvaluationProbe>(probe);
            host.Services.AddGovPulseAlerts();
            host.Services.AddSingleton<IPersonNotifier>(notifier);
            host.Services.AddSingleton<IWebhookOutbox>(outbox);
        });
        builder.ConfigureClient(client => client.Services.AddGovPulseSerialization());
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new AlertsCluster(cluster);
    }

    public Task AddUserAsync(string username, string role, string? unitCode = null)
    {
        var at = DateTimeOffset.UtcNow;
        return Silo.GetRequiredService<IUserStore>().AddAsync(new StoredUser(username, username, role, unitCode, "not a hash", false, at, at));
    }

    public async Task<AlertRule> AddRuleAsync(AlertRule rule)
    {
        (await Grains.GetGrain<IAlertRulesGrain>(IAlertRulesGrain.Key).TryAdd(rule, 50)).Should().BeTrue();
        return rule;
    }

    public async ValueTask DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }
}
