namespace GovPulse.Grains.Tests.Fixtures;

/// <summary>The system clock moved by a fixed offset: a node whose clock is wrong by that much.</summary>
public sealed class OffsetTimeProvider(TimeSpan offset) : TimeProvider
{
    public TimeSpan Offset { get; } = offset;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
}
