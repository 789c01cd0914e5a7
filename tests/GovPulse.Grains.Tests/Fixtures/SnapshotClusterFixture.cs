namespace GovPulse.Grains.Tests.Fixtures;

/// <summary>A cluster of its own for the snapshot tests, so they control exactly what each unit's log and snapshots hold.</summary>
public sealed class SnapshotClusterFixture : UnitClusterFixture;
