namespace GovPulse.Silo;

/// <summary>Section <c>GovPulse:Orleans</c>: where this node's silo listens.</summary>
public sealed class OrleansOptions
{
    public const string Section = "GovPulse:Orleans";

    public int SiloPort { get; set; } = 11111;

    public int GatewayPort { get; set; } = 30000;

    public string ClusterId { get; set; } = "govpulse-local";
}
