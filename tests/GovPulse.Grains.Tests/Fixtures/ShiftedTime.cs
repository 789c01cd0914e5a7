namespace GovPulse.Grains.Tests.Fixtures;

/// <summary>The system clock moved by a fixed offset: a node whose clock is wrong but running.</summary>
public sealed class ShiftedTime(TimeSpan offset) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + offset;
}
