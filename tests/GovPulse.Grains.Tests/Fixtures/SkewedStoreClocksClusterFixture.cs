using GovPulse.Storage.ClickHouse;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Orleans.Runtime;

namespace GovPulse.Grains.Tests.Fixtures;

/// <summary>
/// Three silos whose clocks disagree: one an hour ahead, one an hour behind, one right. The clock
/// is the one GovPulse's storage stamps events with (a node's wrong clock; Orleans keeps its own,
/// since a silo whose membership clock is an hour off cannot join). Whatever node stores,
/// snapshots or rebuilds a unit, its figures must not notice.
/// </summary>
public sealed class SkewedStoreClocksClusterFixture : UnitClusterFixture
{
    public static readonly TimeSpan[] Offsets = [TimeSpan.FromHours(1), TimeSpan.FromHours(-1), TimeSpan.Zero];

    private int _silos;

    public SkewedStoreClocksClusterFixture()
    {
        SiloCount = Offsets.Length;
    }

    protected override void ConfigureStorage(IHostApplicationBuilder host)
    {
        var clock = new ShiftedTime(Offsets[Interlocked.Increment(ref _silos) - 1]);
        host.Services.Replace(ServiceDescriptor.Singleton<IEventStore>(sp => new EventStore(sp.GetRequiredService<ClickHouseDatabase>(), clock, soleWriter: false)));
    }

    /// <summary>Random placement, which honours a placement hint, so a test can move a unit to the node it names.</summary>
    protected override void ConfigureOrleans(ISiloBuilder orleans) =>
        orleans.Services.AddSingleton<PlacementStrategy, RandomPlacement>();
}
