using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;

namespace GovPulse.Notifications.Summaries;

/// <summary>The person notifier (schedules, quiet hours, catch-up digests), the hourly and daily summaries, and the morning list.</summary>
public static class SummariesRegistration
{
    public static IHostApplicationBuilder AddGovPulseSummaries(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder;
    }

    /// <param name="api">The <c>/api/v1</c> group.</param>
    /// <param name="adminPolicy">The admin authorization policy, for admin-only endpoints.</param>
    public static IEndpointRouteBuilder MapSummariesApi(this IEndpointRouteBuilder api, string adminPolicy)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentException.ThrowIfNullOrEmpty(adminPolicy);
        return api;
    }
}
