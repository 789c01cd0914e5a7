namespace GovPulse.Grains.Tests.Fixtures;

/// <summary>A cluster whose units check every second whether to save a snapshot, and save after any change.</summary>
public sealed class FrequentSnapshotClusterFixture : UnitClusterFixture
{
    public FrequentSnapshotClusterFixture()
    {
        Settings["GovPulse:Snapshots:Interval"] = "00:00:01";
        Settings["GovPulse:Snapshots:MinEvents"] = "1";
    }
}
