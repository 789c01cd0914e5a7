using System.Threading.RateLimiting;
using GovPulse.Security.Keys;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;

namespace GovPulse.Security.RateLimits;

/// <summary>
/// Reads per caller: every GET of <c>/api/</c> and every SignalR negotiate (<c>/hubs/…/negotiate</c>)
/// draws from a token bucket of the caller — the API key by its id, a signed-in person by username
/// (<see cref="AuthOptions.ReadsPerMinute"/>), anyone else by client address
/// (<see cref="AuthOptions.AnonymousReadsPerMinute"/>) — holding a minute's worth and refilled evenly.
/// Over it, 429 with <c>Retry-After</c> and a problem body saying when to retry.
/// </summary>
/// <remarks>
/// A global limiter of the rate-limit middleware, which runs after authentication and before
/// authorization: a caller is known, and a request that will be refused (401/403) counts too, so an
/// anonymous flood is limited per address. The anti-forgery token is left out: it is the first step of
/// a sign-in, which has its own limit per address. Buckets live in each node's memory, like the ingest
/// keys' (behind a load balancer over N nodes a caller can make up to N times the rate).
/// </remarks>
public sealed class ReadRateLimit(AuthOptions settings, TimeProvider time)
{
    private static readonly PathString Api = new("/api");
    private static readonly PathString Hubs = new("/hubs");
    private static readonly PathString Antiforgery = new("/api/v1/account/antiforgery");

    /// <summary>The limiter for <c>RateLimiterOptions.GlobalLimiter</c>.</summary>
    public PartitionedRateLimiter<HttpContext> Limiter() => PartitionedRateLimiter.Create<HttpContext, string>(Partition);

    /// <summary>For <c>RateLimiterOptions.OnRejected</c>: the global limiter's refusals are this limit's.</summary>
    public async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (caller, rate) = CallerOf(context.HttpContext);
        await RateLimitRefusal.WriteAsync(context, time, $"This {caller.Kind} may make {rate} reads a minute", string.Empty, "Too many reads", "readsPerMinute", rate);
    }

    /// <summary>Whether a request is a read this limit counts.</summary>
    public static bool IsRead(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        {
            return request.Path.StartsWithSegments(Api, StringComparison.OrdinalIgnoreCase)
                && !request.Path.StartsWithSegments(Antiforgery, StringComparison.OrdinalIgnoreCase);
        }

        return HttpMethods.IsPost(request.Method)
            && request.Path.StartsWithSegments(Hubs, StringComparison.OrdinalIgnoreCase)
            && request.Path.Value!.EndsWith("/negotiate", StringComparison.OrdinalIgnoreCase);
    }

    private RateLimitPartition<string> Partition(HttpContext http)
    {
        if (!IsRead(http.Request))
        {
            return RateLimitPartition.GetNoLimiter(string.Empty);
        }

        var (caller, rate) = CallerOf(http);
        return RateLimitPartition.GetTokenBucketLimiter(caller.Key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = rate,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromTicks(Math.Max(1, TimeSpan.TicksPerMinute / rate)),
            QueueLimit = 0,
        });
    }

    private ((string Kind, string Key) Caller, int Rate) CallerOf(HttpContext http)
    {
        if (http.User.FindFirst(ApiKeyAuthenticationHandler.KeyIdClaim)?.Value is { } keyId)
        {
            return (("key", "key:" + keyId), settings.ReadsPerMinute);
        }

        if (http.User.Identity is { IsAuthenticated: true, Name: { } name })
        {
            return (("person", "person:" + name), settings.ReadsPerMinute);
        }

        return (("address", "address:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown")), settings.AnonymousReadsPerMinute);
    }
}
