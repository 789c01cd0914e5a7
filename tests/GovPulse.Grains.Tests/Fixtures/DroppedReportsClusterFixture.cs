using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.TestingHost;

namespace GovPulse.Grains.Tests.Fixtures;

/// <summary>
/// A cluster whose units' reports to the city can be dropped on the way (<see cref="Reports"/>), and
/// whose city reconciles only when asked (its timer waits a day), so a test sees the loss before it heals.
/// </summary>
public class DroppedReportsClusterFixture : UnitClusterFixture
{
    public DroppedReportsClusterFixture()
    {
        Settings["GovPulse:City:ReconcileInterval"] = "1.00:00:00";
    }

    public CityReportTap Reports { get; } = new();

    protected override void ConfigureSilo(InProcessTestSiloSpecificOptions silo, IHostApplicationBuilder host)
    {
        ArgumentNullException.ThrowIfNull(host);
        host.Services.AddSingleton<IIncomingGrainCallFilter>(Reports);
    }
}
