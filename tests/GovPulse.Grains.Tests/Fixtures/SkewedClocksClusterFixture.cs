using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.TestingHost;

namespace GovPulse.Grains.Tests.Fixtures;

/// <summary>
/// Two silos whose scoring clocks are two hours apart (the first an hour ahead, the second an hour
/// behind), so units and the city judge and report on clocks that disagree.
/// </summary>
public sealed class SkewedClocksClusterFixture : UnitClusterFixture
{
    public static TimeSpan Skew { get; } = TimeSpan.FromHours(1);

    private int _silos;

    protected override void ConfigureSilo(InProcessTestSiloSpecificOptions silo, IHostApplicationBuilder host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var offset = Interlocked.Increment(ref _silos) % 2 == 1 ? Skew : -Skew;
        host.Services.AddSingleton(new ScoringClock(new ShiftedTime(offset)));
    }
}
