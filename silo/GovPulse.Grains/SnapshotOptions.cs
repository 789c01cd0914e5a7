using System.ComponentModel.DataAnnotations;

namespace GovPulse.Grains;

/// <summary>
/// Section <c>GovPulse:Snapshots</c>: how often unit grains save their ledger to ClickHouse, so a
/// restart replays only the events ingested since (docs/architecture.md, "Unit snapshots").
/// </summary>
public sealed class SnapshotOptions
{
    public const string Section = "GovPulse:Snapshots";

    public bool Enabled { get; set; } = true;

    /// <summary>How often a unit checks whether it has changed enough to save a snapshot.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Events a unit must have applied (or replayed) since its last snapshot before it saves another.</summary>
    [Range(1, int.MaxValue)]
    public int MinEvents { get; set; } = 1_000;
}
