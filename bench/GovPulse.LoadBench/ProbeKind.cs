namespace GovPulse.LoadBench;

/// <summary>Where a probe goes: a commune with no other traffic, or one that also carries background traffic.</summary>
public enum ProbeKind
{
    Quiet,
    Busy,
}
