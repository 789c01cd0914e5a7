using GovPulse.Notifications.Webhooks;

namespace GovPulse.Notifications.Tests.Webhooks;

public sealed class RetryScheduleTests
{
    private static readonly RetrySchedule Defaults = new WebhookOptions().Retries;

    [Fact]
    public void The_default_waits_double_from_ten_seconds_up_to_an_hour()
    {
        var waits = Enumerable.Range(1, 12).Select(a => Defaults.DelayAfter(a).TotalSeconds);

        waits.Should().Equal(10, 20, 40, 80, 160, 320, 640, 1280, 2560, 3600, 3600, 3600);
    }

    [Fact]
    public void By_default_a_message_is_tried_30_times_or_for_24_hours_whichever_comes_first()
    {
        var tried = TimeSpan.Zero;
        var attempts = 1;
        while (!Defaults.GivesUp(attempts, tried))
        {
            tried += Defaults.DelayAfter(attempts);
            attempts++;
        }

        attempts.Should().Be(30);
        tried.Should().BeLessThan(TimeSpan.FromHours(24)).And.BeGreaterThan(TimeSpan.FromHours(20));
        Defaults.GivesUp(3, TimeSpan.FromHours(24)).Should().BeTrue("a day is the longest a message is tried");
        Defaults.GivesUp(29, TimeSpan.FromHours(23)).Should().BeFalse();
    }

    [Fact]
    public void A_receivers_Retry_After_is_honoured_when_longer_but_never_past_the_longest_wait()
    {
        Defaults.DelayAfter(1, TimeSpan.FromMinutes(2)).Should().Be(TimeSpan.FromMinutes(2));
        Defaults.DelayAfter(5, TimeSpan.FromSeconds(1)).Should().Be(TimeSpan.FromSeconds(160));
        Defaults.DelayAfter(1, TimeSpan.FromDays(2)).Should().Be(TimeSpan.FromHours(1));
    }

    [Fact]
    public void Many_attempts_do_not_overflow()
    {
        new RetrySchedule(TimeSpan.FromDays(1), TimeSpan.FromDays(1), 1_000, TimeSpan.FromDays(30)).DelayAfter(1_000).Should().Be(TimeSpan.FromDays(1));
    }
}
