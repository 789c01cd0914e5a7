using System.Globalization;
using System.Threading.RateLimiting;
using GovPulse.Security.Keys;
using GovPulse.Security.RateLimits;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;

namespace GovPulse.Ingest.Security;

/// <summary>
/// The ingest rate limit: a token bucket per key id holding a minute's worth of requests
/// (the key's <c>ratePerMinute</c>), refilled one request at a time at that rate. Over it, 429
/// with <c>Retry-After</c> and a problem body saying when to retry.
/// </summary>
/// <remarks>
/// It counts requests, not events: it is decided before the body is read (so a refused request
/// costs nothing), a batch costs one store round trip whatever its size, and the batch limits
/// (<c>MaxLinesPerBatch</c>, <c>MaxBodyBytes</c>) already bound the events a request may carry.
/// Buckets live in each node's memory: behind a load balancer over N nodes a key can make up to
/// N times its rate.
/// </remarks>
public sealed class KeyRateLimit(TimeProvider time) : IRateLimiterPolicy<string>
{
    public const string PolicyName = "per-key";

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => RejectAsync;

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (httpContext.User.FindFirst(ApiKeyAuthenticationHandler.KeyIdClaim)?.Value is not { } keyId || RateOf(httpContext) is not { } rate)
        {
            // Not authenticated by a key: authorization (after this limiter) refuses the request.
            return RateLimitPartition.GetNoLimiter(string.Empty);
        }

        return RateLimitPartition.GetTokenBucketLimiter(keyId, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = rate,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromTicks(Math.Max(1, TimeSpan.TicksPerMinute / rate)),
            QueueLimit = 0,
        });
    }

    private async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var rate = RateOf(context.HttpContext) ?? 0;
        await RateLimitRefusal.WriteAsync(
            context, time, $"This key may make {rate} requests a minute", ", or send more events per request", "Too many requests for this key", "ratePerMinute", rate);
    }

    private static int? RateOf(HttpContext http) =>
        int.TryParse(http.User.FindFirst(ApiKeyAuthenticationHandler.RateClaim)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var rate) && rate > 0
            ? rate
            : null;
}
