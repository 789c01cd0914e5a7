using GovPulse.Grains.Tests.Fixtures;
using GovPulse.Indicators.Scoring;

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

    [Fact]
    public async Task Every_push_names_the_version_of_the_push_before_it_so_skipped_versions_are_no_gap()
    {
        var throttle = new LivePushThrottle(TimeSpan.FromSeconds(1));
        var publisher = new RecordingPublisher();

        await throttle.PushAsync(T0, publisher, () => Task.FromResult(Card(version: 3)));
        await throttle.PushAsync(T0.AddSeconds(1), publisher, () => Task.FromResult(Card(version: 7))); // 4, 5, 6 were throttled away
        await throttle.PushAsync(T0.AddSeconds(2), publisher, () => Task.FromResult(Card(version: 7))); // a due time passed: same events

        publisher.Published.Select(s => (s.Version, s.PreviousVersion)).Should().Equal((3L, (long?)0), (7L, 3L), (7L, 7L));
    }

    [Fact]
    public async Task A_push_resets_the_interval_and_a_change_after_it_waits_for_the_interval_to_end()
    {
        var throttle = new LivePushThrottle(TimeSpan.FromSeconds(1));
        var publisher = new RecordingPublisher();

        throttle.Changed(T0).Should().Be(TimeSpan.Zero);
        await throttle.PushAsync(T0, publisher, () => Task.FromResult(Card(version: 1)));
        throttle.Changed(T0.AddMilliseconds(250)).Should().Be(TimeSpan.FromMilliseconds(750));
        await throttle.PushAsync(T0.AddSeconds(1), publisher, () => Task.FromResult(Card(version: 2)));

        throttle.Changed(T0.AddMilliseconds(1500)).Should().Be(TimeSpan.FromMilliseconds(500), "the scheduled push counts as the last push");
    }

    [Fact]
    public async Task A_push_that_fails_leaves_no_push_scheduled_for_ever()
    {
        var throttle = new LivePushThrottle(TimeSpan.FromSeconds(1));
        var publisher = new RecordingPublisher();
        throttle.Changed(T0);
        await throttle.PushAsync(T0, publisher, () => Task.FromResult(Card(version: 1)));
        throttle.Changed(T0.AddMilliseconds(100)).Should().Be(TimeSpan.FromMilliseconds(900));

        var failing = () => throttle.PushAsync(T0.AddSeconds(1), publisher, () => throw new InvalidOperationException("scoring failed"));
        await failing.Should().ThrowAsync<InvalidOperationException>();

        throttle.Changed(T0.AddSeconds(3)).Should().Be(TimeSpan.Zero, "the failed push ended the wait; the next change pushes");
        await throttle.PushAsync(T0.AddSeconds(3), publisher, () => Task.FromResult(Card(version: 2)));
        publisher.Published.Last().PreviousVersion.Should().Be(1, "the failed push reached no viewer");
    }

    private static Scorecard Card(long version) =>
        new Scorecard("27142", "Phường Nhiêu Lộc", "2026-09", T0, new ScorecardCounts(1, 0)) with { Version = version };
}
