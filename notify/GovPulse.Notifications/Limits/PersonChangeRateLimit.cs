using System.Threading.RateLimiting;
using GovPulse.Security.RateLimits;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;

namespace GovPulse.Notifications.Limits;

/// <summary>
/// Changes a person makes to their notifications (subscribing, removing, test sends, alert rules):
/// <see cref="ChangesPerMinute"/> per signed-in person, a token bucket of a minute's worth refilled
/// evenly; over it, 429 with <c>Retry-After</c>. Reads have the node's read limit; these writes would
/// otherwise have none, and a test send makes the node call push services. Per node, like the others.
/// </summary>
public sealed class PersonChangeRateLimit(TimeProvider time) : IRateLimiterPolicy<string>
{
    public const string PolicyName = "person-changes";

    /// <summary>Far above what the notifications screen needs, far below a loop.</summary>
    public const int ChangesPerMinute = 60;

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => RejectAsync;

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        // Only people reach these endpoints (the Person policy); the address covers anything else.
        var caller = httpContext.User.Identity?.Name is { Length: > 0 } name ? "person:" + name : "address:" + httpContext.Connection.RemoteIpAddress;
        return RateLimitPartition.GetTokenBucketLimiter(caller, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = ChangesPerMinute,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromTicks(TimeSpan.TicksPerMinute / ChangesPerMinute),
            QueueLimit = 0,
        });
    }

    private async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken) =>
        await RateLimitRefusal.WriteAsync(
            context, time, $"A person may make {ChangesPerMinute} changes to their notifications a minute", string.Empty, "Too many changes", "changesPerMinute", ChangesPerMinute);
}
