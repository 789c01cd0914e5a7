using System.Globalization;
using System.Threading.RateLimiting;
using GovPulse.Indicators.Periods;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;

namespace GovPulse.Security.RateLimits;

/// <summary>
/// How every rate limit of the node says no: 429 with <c>Retry-After</c> (whole seconds, from the
/// limiter's lease) and a problem body that names the limit and when, in Vietnam time, to try again.
/// </summary>
public static class RateLimitRefusal
{
    /// <param name="context">The rejected request and its lease.</param>
    /// <param name="time">The node's clock, for the "at" time.</param>
    /// <param name="limit">What was exceeded, as the sentence's start: "This key may make 600 requests a minute".</param>
    /// <param name="advice">Said after when to retry (", or send more events per request"), or empty.</param>
    /// <param name="title">The problem's title.</param>
    /// <param name="rateName">The extension member that carries the rate ("ratePerMinute").</param>
    /// <param name="rate">The caller's rate a minute.</param>
    public static Task WriteAsync(OnRejectedContext context, TimeProvider time, string limit, string advice, string title, string rateName, int rate)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(time);
        var http = context.HttpContext;
        var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        var at = VietnamTime.ToLocal(time.GetUtcNow().AddSeconds(seconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(
            $"{limit} and has made them. Retry after {seconds} s " +
            $"(at {at.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)}){advice}.",
            statusCode: StatusCodes.Status429TooManyRequests,
            title: title,
            extensions: new Dictionary<string, object?> { ["retryAfter"] = seconds, [rateName] = rate })
            .ExecuteAsync(http);
    }
}
