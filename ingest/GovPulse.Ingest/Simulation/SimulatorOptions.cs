using System.ComponentModel.DataAnnotations;

namespace GovPulse.Ingest.Simulation;

/// <summary>Section <c>GovPulse:Simulator</c>: simulated traffic for the node's units (HCMC's by default) fed into this node.</summary>
public sealed class SimulatorOptions
{
    public const string Section = "GovPulse:Simulator";

    /// <summary><c>GovPulse__Simulator__Enabled</c>: on in the quick start, off otherwise.</summary>
    public bool Enabled { get; set; }

    /// <summary>Same seed, same traffic: event ids repeat, so a restart re-sends duplicates, never new copies.</summary>
    public int Seed { get; set; } = 2026;

    /// <summary>Simulated seconds per real second (1 = real time).</summary>
    [Range(1, 100_000)]
    public int SpeedUp { get; set; } = 1;

    /// <summary>
    /// Working days to replay before today (from 00:00 local), so a node started at night or on a
    /// weekend still shows a month under way; 0 starts from now.
    /// </summary>
    [Range(0, 31)]
    public int BackfillWorkingDays { get; set; } = 1;

    [Range(100, 50_000)]
    public int BatchSize { get; set; } = 5_000;

    /// <summary>Multiplies the traffic of every unit of the node's directory (1 = the published volumes).</summary>
    [Range(0.0001, 1_000)]
    public double Scale { get; set; } = 1;
}
