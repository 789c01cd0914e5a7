namespace GovPulse.Grains.Tests.Fixtures;

/// <summary>A cluster whose snapshots cover every event stored before them (no margin), so a test controls exactly what a snapshot holds.</summary>
public sealed class SnapshotClusterFixture : UnitClusterFixture
{
    public SnapshotClusterFixture()
    {
        Settings["GovPulse:Snapshots:Margin"] = "00:00:00";
    }
}
