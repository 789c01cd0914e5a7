using GovPulse.Indicators.Units;
using GovPulse.Storage.ClickHouse;
using GovPulse.Ingest.Pipeline;
using GovPulse.Ingest.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.TestingHost;

namespace GovPulse.Grains.Tests.Fixtures;

/// <summary>
/// A cluster fed through the real ingest pipeline (duplicate check, id claims, unit grains as the
/// writers), with a probe that fails chosen steps and an event store slowed by
/// <see cref="StoreDelay"/> so a batch can time out while its insert still runs.
/// </summary>
public sealed class IngestClusterFixture : UnitClusterFixture
{
    /// <summary>How long every insert into the event log takes here.</summary>
    public static readonly TimeSpan StoreDelay = TimeSpan.FromSeconds(1);

    public IngestClusterFixture()
    {
        Settings[SlowedEventStore.DelaySetting] = StoreDelay.ToString();
    }

    public ArmedApplyProbe Probe { get; } = new();

    public EventIdClaims Claims { get; } = new();

    /// <summary>The pipeline as a node runs it, with a batch timeout of its own.</summary>
    public EventIngestor Ingestor(TimeSpan batchTimeout, TimeProvider? time = null)
    {
        var silo = Cluster.Silos[0].ServiceProvider;
        var metrics = silo.GetRequiredService<GovPulseMetrics>();
        var gate = new IngestGate(Options.Create(new IngestOptions { BatchTimeout = batchTimeout }), metrics, time ?? TimeProvider.System);
        return new EventIngestor(Store, new GrainsByKey<IUnitGrain>(Cluster.Client), silo.GetRequiredService<UnitDirectory>(), gate, Claims, metrics, NullLogger<EventIngestor>.Instance);
    }

    /// <summary>
    /// Completes when the event log begins inserting events of <paramref name="unitCode"/>, on
    /// whichever silo its grain lives (call before sending them).
    /// </summary>
    public Task AppendStartedAsync(string unitCode)
    {
        var stores = Cluster.Silos.Select(s => (SlowedEventStore)s.ServiceProvider.GetRequiredService<IEventStore>()).ToList();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Seen(IReadOnlyList<LoggedEvent> events)
        {
            if (events.Any(e => e.Event.UnitCode == unitCode) && started.TrySetResult())
            {
                stores.ForEach(store => store.Appending -= Seen);
            }
        }

        stores.ForEach(store => store.Appending += Seen);
        return started.Task;
    }

    protected override void ConfigureSilo(InProcessTestSiloSpecificOptions silo, IHostApplicationBuilder host) =>
        host.Services.AddSingleton<UnitApplyProbe>(Probe);

    protected override void ConfigureStorage(IHostApplicationBuilder host) => SlowedEventStore.InstallWhenConfigured(host);
}
