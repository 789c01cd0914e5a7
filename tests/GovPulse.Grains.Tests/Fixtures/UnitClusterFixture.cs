using GovPulse.Storage;
using GovPulse.Storage.ClickHouse;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Orleans.TestingHost;

namespace GovPulse.Grains.Tests.Fixtures;

/// <summary>
/// A real Orleans cluster (two silos in this process) over the real embedded ClickHouse, through
/// the real driver. The engine opens one directory per process, so every test class shares it
/// and isolates itself by database.
/// </summary>
public class UnitClusterFixture : IAsyncLifetime
{
    private const string DataDirectoryPrefix = "govpulse-grains-tests-";

    public static string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), DataDirectoryPrefix + Environment.ProcessId);

    /// <summary>
    /// The engine's directory lives as long as the test process (the engine opens one per process and
    /// stays open), so it goes when the process exits; a run that was killed left its own, removed by
    /// the next run once no process has that id.
    /// </summary>
    static UnitClusterFixture()
    {
        foreach (var earlier in Directory.EnumerateDirectories(Path.GetTempPath(), DataDirectoryPrefix + "*"))
        {
            if (int.TryParse(Path.GetFileName(earlier).AsSpan(DataDirectoryPrefix.Length), out var owner) && !IsRunning(owner))
            {
                TryDelete(earlier);
            }
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) => TryDelete(DataDirectory);
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // Another run's files in use or already gone: left for the next run.
        }
        catch (UnauthorizedAccessException)
        {
            // Another user's run: theirs to remove.
        }
    }

    public string Database { get; } = "grains_" + Guid.NewGuid().ToString("N")[..12];

    public RecordingPublisher Publisher { get; } = new();

    /// <summary>The scoring clock: real time unless a test class swaps in a fake one.</summary>
    public ScoringClock Clock { get; init; } = ScoringClock.System;

    /// <summary>Extra configuration for every silo, set by a derived fixture before the cluster starts.</summary>
    protected Dictionary<string, string?> Settings { get; } = [];

    /// <summary>How many silos the cluster starts with.</summary>
    protected int SiloCount { get; init; } = 2;

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IEventStore Store => Cluster.Silos[0].ServiceProvider.GetRequiredService<IEventStore>();

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder((short)SiloCount);
        builder.ConfigureSiloHost((silo, host) =>
        {
            host.Configuration["GovPulse:DataDirectory"] = DataDirectory;
            host.Configuration["GovPulse:ClickHouse:Database"] = Database;
            foreach (var (key, value) in Settings)
            {
                host.Configuration[key] = value;
            }

            host.AddGovPulseStorage();
            // The silos of one process share one embedded engine, so none of them is its sole writer:
            // a store's own filter of stored ids would miss what another silo's unit grains stored.
            host.Services.Replace(ServiceDescriptor.Singleton<IEventStore>(sp =>
                new EventStore(sp.GetRequiredService<ClickHouseDatabase>(), sp.GetRequiredService<TimeProvider>(), soleWriter: false)));
            ConfigureStorage(host);
            host.Services.AddSingleton<IScorecardPublisher>(Publisher);
            host.Services.AddSingleton(Clock);
            host.Services.AddGovPulseDomain();
            host.Services.AddGovPulseSerialization();
            ConfigureServices(host.Services);
            ConfigureSilo(silo, host);
        });
        builder.ConfigureSilo((silo, orleans) => ConfigureOrleans(orleans));
        builder.ConfigureClient(client => client.Services.AddGovPulseSerialization());
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    /// <summary>Adds what a derived fixture needs to one silo, after the defaults (a later registration wins).</summary>
    protected virtual void ConfigureSilo(InProcessTestSiloSpecificOptions silo, IHostApplicationBuilder host)
    {
    }

    /// <summary>A derived fixture's changes to Orleans' own services, after Orleans' defaults.</summary>
    protected virtual void ConfigureOrleans(ISiloBuilder orleans)
    {
    }

    /// <summary>A derived fixture's changes to the storage services, after they are registered.</summary>
    protected virtual void ConfigureStorage(IHostApplicationBuilder host)
    {
    }

    /// <summary>Services a derived fixture adds to (or replaces in) every silo, after the defaults.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }
}
