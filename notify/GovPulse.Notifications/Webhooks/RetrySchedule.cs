namespace GovPulse.Notifications.Webhooks;

/// <summary>
/// When to try a failing webhook again: <see cref="FirstDelay"/> after the first failure, doubling,
/// never more than <see cref="MaxDelay"/> apart, and never longer than <see cref="MaxAge"/> or more
/// than <see cref="MaxAttempts"/> times — then the message goes to the dead letters. No jitter: one
/// grain per webhook makes the attempts, so there is no crowd of senders to spread out.
/// </summary>
public sealed record RetrySchedule(TimeSpan FirstDelay, TimeSpan MaxDelay, int MaxAttempts, TimeSpan MaxAge)
{
    /// <summary>The wait after attempt number <paramref name="attempts"/> (1 = the first) failed; at least what the receiver asked for in <c>Retry-After</c>, up to <see cref="MaxDelay"/>.</summary>
    public TimeSpan DelayAfter(int attempts, TimeSpan? retryAfter = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempts, 1);
        var doublings = Math.Min(attempts - 1, 40); // 2^40 × any positive delay is past every MaxDelay
        var ticks = Math.Min((double)FirstDelay.Ticks * Math.Pow(2, doublings), MaxDelay.Ticks);
        var delay = TimeSpan.FromTicks((long)ticks);
        return retryAfter is { } asked && asked > delay ? (asked < MaxDelay ? asked : MaxDelay) : delay;
    }

    /// <summary>True when a message that has failed <paramref name="attempts"/> times, trying for <paramref name="age"/>, is given up.</summary>
    public bool GivesUp(int attempts, TimeSpan age) => attempts >= MaxAttempts || age >= MaxAge;
}
