using System.Net;
using GovPulse.Notifications.Push;

namespace GovPulse.Notifications.Tests.Push;

public sealed class PushRetryPolicyTests
{
    private static readonly PushRetryPolicy Policy = PushRetryPolicy.From(new PushOptions());

    [Fact]
    public void Without_Retry_After_the_waits_double_from_one_second_until_the_attempts_run_out()
    {
        var waits = new List<TimeSpan>();
        var waited = TimeSpan.Zero;
        for (var attempt = 1; Policy.NextWait(attempt, null, waited) is { } wait; attempt++)
        {
            waits.Add(wait);
            waited += wait;
        }

        waits.Should().Equal(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4));
    }

    [Fact]
    public void Retry_After_is_waited_for_exactly_but_one_beyond_the_longest_wait_or_the_total_gives_up()
    {
        Policy.NextWait(1, TimeSpan.FromSeconds(20), TimeSpan.Zero).Should().Be(TimeSpan.FromSeconds(20));
        Policy.NextWait(1, TimeSpan.FromMinutes(5), TimeSpan.Zero).Should().BeNull("30 s is the longest single wait");
        Policy.NextWait(2, TimeSpan.FromSeconds(25), TimeSpan.FromSeconds(40)).Should().BeNull("60 s is the most one message waits in all");
        Policy.NextWait(4, TimeSpan.FromSeconds(1), TimeSpan.Zero).Should().BeNull("4 attempts at most");
    }

    [Fact]
    public void Retry_After_is_read_as_seconds_or_as_a_date()
    {
        var now = new DateTimeOffset(2026, 12, 6, 2, 0, 0, TimeSpan.Zero);
        using var seconds = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        seconds.Headers.Add("Retry-After", "12");
        using var date = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        date.Headers.Add("Retry-After", "Sun, 06 Dec 2026 02:00:05 GMT");
        using var none = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);

        PushRetryPolicy.RetryAfter(seconds.Headers, now).Should().Be(TimeSpan.FromSeconds(12));
        PushRetryPolicy.RetryAfter(date.Headers, now).Should().Be(TimeSpan.FromSeconds(5));
        PushRetryPolicy.RetryAfter(none.Headers, now).Should().BeNull();
    }
}
