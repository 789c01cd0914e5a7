using System.Net.Http.Headers;

namespace GovPulse.Notifications.Push;

/// <summary>
/// When to ask a push service again after 429 or 5xx: after its <c>Retry-After</c> when it gives
/// one, else after <see cref="FirstDelay"/> doubled each time; never more than
/// <see cref="MaxAttempts"/> requests, no single wait over <see cref="MaxDelay"/> (a service asking
/// for longer is not waited for), and no more than <see cref="MaxTotalWait"/> of waiting in all.
/// </summary>
public sealed record PushRetryPolicy(int MaxAttempts, TimeSpan FirstDelay, TimeSpan MaxDelay, TimeSpan MaxTotalWait)
{
    public static PushRetryPolicy From(PushOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new(Math.Max(1, options.MaxAttempts), options.FirstRetryDelay, options.MaxRetryDelay, options.MaxTotalRetryWait);
    }

    /// <summary>The wait before the next request, or null to give up.</summary>
    /// <param name="attemptsMade">Requests made so far (1 after the first).</param>
    /// <param name="retryAfter">What the service's <c>Retry-After</c> asked for, if anything.</param>
    /// <param name="waited">The waits so far, in all.</param>
    public TimeSpan? NextWait(int attemptsMade, TimeSpan? retryAfter, TimeSpan waited)
    {
        if (attemptsMade >= MaxAttempts)
        {
            return null;
        }

        TimeSpan wait;
        if (retryAfter is { } asked)
        {
            if (asked > MaxDelay)
            {
                return null;
            }

            wait = asked < TimeSpan.Zero ? TimeSpan.Zero : asked;
        }
        else
        {
            var doubled = FirstDelay.TotalMilliseconds * Math.Pow(2, Math.Max(0, attemptsMade - 1));
            wait = TimeSpan.FromMilliseconds(Math.Min(doubled, MaxDelay.TotalMilliseconds));
        }

        return waited + wait > MaxTotalWait ? null : wait;
    }

    /// <summary>A <c>Retry-After</c> header as a wait from <paramref name="now"/> (seconds or an HTTP date), or null.</summary>
    public static TimeSpan? RetryAfter(HttpResponseHeaders? headers, DateTimeOffset now) => headers?.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - now,
        _ => null,
    };
}
