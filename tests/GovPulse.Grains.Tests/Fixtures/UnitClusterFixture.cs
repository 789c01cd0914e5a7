using GovPulse.Storage;
using GovPulse.Storage.ClickHouse;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace GovPulse.Grains.Tests.Fixtures;

/// <summary>
/// A real Orleans cluster (two silos in this process) over the real embedded ClickHouse, through
/// the real driver. The engine opens one directory per process, so every test class shares it
/// and isolates itself by database.
/// </summary>
public class UnitClusterFixture : IAsyncLifetime
{
    public static string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "govpulse-grains-tests-" + Environment.ProcessId);

    public string Database { get; } = "grains_" + Guid.NewGuid().ToString("N")[..12];

    public RecordingPublisher Publisher { get; } = new();

    /// <summary>The scoring clock: real time unless a test class swaps in a fake one.</summary>
    public ScoringClock Clock { get; init; } = ScoringClock.System;

    /// <summary>Extra configuration for every silo, set by a derived fixture before the cluster starts.</summary>
    protected Dictionary<string, string?> Settings { get; } = [];

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IEventStore Store => Cluster.Silos[0].ServiceProvider.GetRequiredService<IEventStore>();

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSiloHost((silo, host) =>
        {
            host.Configuration["GovPulse:DataDirectory"] = DataDirectory;
            host.Configuration["GovPulse:ClickHouse:Database"] = Database;
            foreach (var (key, value) in Settings)
            {
                host.Configuration[key] = value;
            }

            host.AddGovPulseStorage();
            host.Services.AddSingleton<IScorecardPublisher>(Publisher);
            host.Services.AddSingleton(Clock);
            host.Services.AddGovPulseDomain();
            host.Services.AddGovPulseSerialization();
            ConfigureSilo(silo, host);
        });
        builder.ConfigureClient(client => client.Services.AddGovPulseSerialization());
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    /// <summary>Adds what a derived fixture needs to every silo, after the defaults.</summary>
    protected virtual void ConfigureSilo(InProcessTestSiloSpecificOptions silo, Microsoft.Extensions.Hosting.IHostApplicationBuilder host)
    {
    }

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }
}
