using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;

namespace GovPulse.Grains.Tests.Fixtures;

/// <summary>
/// A cluster whose city reconciles only when asked, whose units' reports can be dropped on the way
/// (<see cref="DroppedReportsClusterFixture.Reports"/>), whose unit grains' calls are recorded
/// (<see cref="Calls"/>), and whose scoring clock stands at <see cref="Now"/> until a test moves it.
/// </summary>
public sealed class CityClusterFixture : DroppedReportsClusterFixture
{
    /// <summary>10:00 on Monday 23 November 2026, local time: October and earlier have ended.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.FromHours(7));

    public CityClusterFixture()
    {
        Clock = new ScoringClock(Time);
    }

    public FakeTimeProvider Time { get; } = new(Now);

    public UnitCallCounter Calls { get; } = new();

    protected override void ConfigureSilo(InProcessTestSiloSpecificOptions silo, IHostApplicationBuilder host)
    {
        base.ConfigureSilo(silo, host);
        host.Services.AddSingleton<IIncomingGrainCallFilter>(Calls);
    }
}
