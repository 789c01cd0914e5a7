using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace GovPulse.Security.SignIn;

/// <summary>
/// Sign-in attempts per client address (<see cref="AuthOptions.SignInsPerMinutePerAddress"/>): a token
/// bucket of a minute's worth, refilled evenly. Over it, 429 with <c>Retry-After</c>. It slows guessing
/// across many usernames, which the per-username lock (<see cref="ISignInGuardGrain"/>) does not.
/// Per node, like the ingest keys' limit.
/// </summary>
public sealed class SignInRateLimit(IOptions<AuthOptions> options) : IRateLimiterPolicy<string>
{
    public const string PolicyName = "sign-in";

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => RejectAsync;

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var rate = options.Value.SignInsPerMinutePerAddress;
        var address = httpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return RateLimitPartition.GetTokenBucketLimiter(address, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = rate,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromTicks(Math.Max(1, TimeSpan.TicksPerMinute / rate)),
            QueueLimit = 0,
        });
    }

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await TypedResults.Problem(
            $"Too many sign-in attempts from this address; try again in {seconds} s.",
            statusCode: StatusCodes.Status429TooManyRequests,
            title: "Too many sign-in attempts",
            extensions: new Dictionary<string, object?> { ["retryAfter"] = seconds })
            .ExecuteAsync(context.HttpContext);
    }
}
