namespace GovPulse.Grains.Tests;

public sealed class LivePushThrottleTests
{
    private static readonly DateTimeOffset T0 = new(2026, 9, 18, 10, 0, 0, TimeSpan.FromHours(7));

    [Fact]
    public void The_first_change_is_pushed_at_once()
    {
        new LivePushThrottle(TimeSpan.FromSeconds(1)).Changed(T0).Should().Be(TimeSpan.Zero);
    }

    [Fact]
    public void Changes_within_a_second_are_pushed_once_when_the_second_ends()
    {
        var throttle = new LivePushThrottle(TimeSpan.FromSeconds(1));
        throttle.Changed(T0);
        throttle.Pushed(T0);

        throttle.Changed(T0.AddMilliseconds(300)).Should().Be(TimeSpan.FromMilliseconds(700));
        throttle.Changed(T0.AddMilliseconds(600)).Should().BeNull("a push is already scheduled");
        throttle.Pushed(T0.AddSeconds(1));
        throttle.Changed(T0.AddMilliseconds(2100)).Should().Be(TimeSpan.Zero);
    }
}
