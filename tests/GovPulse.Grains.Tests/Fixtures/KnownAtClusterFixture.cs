using GovPulse.Grains.KnownAt;
using GovPulse.Storage.ClickHouse;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace GovPulse.Grains.Tests.Fixtures;

/// <summary>
/// A cluster whose store stamps events (ingested_at), scoring clock and known-at caches all read one
/// fake clock, so a test stores events at instants it chooses and asks for the figures known at them.
/// </summary>
public sealed class KnownAtClusterFixture : UnitClusterFixture
{
    public static readonly DateTimeOffset Start = new(2026, 11, 10, 9, 0, 0, TimeSpan.FromHours(7));

    public KnownAtClusterFixture()
    {
        Clock = new ScoringClock(Time);
    }

    public FakeTimeProvider Time { get; } = new(Start);

    protected override void ConfigureStorage(IHostApplicationBuilder host) =>
        host.Services.Replace(ServiceDescriptor.Singleton<IEventStore>(sp => new EventStore(sp.GetRequiredService<ClickHouseDatabase>(), Time, soleWriter: false)));

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.Replace(ServiceDescriptor.Singleton(_ => new KnownAtCache<KnownAtLedger>(KnownAtGrain.LedgersKept, Time)));
        services.Replace(ServiceDescriptor.Singleton(_ => new KnownAtCache<KnownAtFigures>(KnownAtGrain.FiguresKept, Time)));
    }
}
