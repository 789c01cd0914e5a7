namespace GovPulse.Grains.Tests.Fixtures;

/// <summary>A cluster whose units' reports can be dropped and whose city reconciles every second, on its own timer.</summary>
public sealed class QuickReconcileClusterFixture : DroppedReportsClusterFixture
{
    public QuickReconcileClusterFixture()
    {
        Settings["GovPulse:City:ReconcileInterval"] = "00:00:01";
    }
}
