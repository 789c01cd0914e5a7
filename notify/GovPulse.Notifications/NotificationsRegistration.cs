using GovPulse.Notifications.Alerts;
using GovPulse.Notifications.Limits;
using GovPulse.Notifications.Push;
using GovPulse.Notifications.Summaries;
using GovPulse.Notifications.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GovPulse.Notifications;

/// <summary>Everything that reaches people outside the dashboard: push, summaries, alerts, webhooks.</summary>
public static class NotificationsRegistration
{
    public static IHostApplicationBuilder AddGovPulseNotifications(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddRateLimiter(limits => limits.AddPolicy<string, PersonChangeRateLimit>(PersonChangeRateLimit.PolicyName));
        return builder.AddGovPulsePush().AddGovPulseSummaries().AddGovPulseAlerts().AddGovPulseWebhooks();
    }

    /// <param name="api">The <c>/api/v1</c> group.</param>
    /// <param name="adminPolicy">The admin authorization policy, for admin-only endpoints.</param>
    public static IEndpointRouteBuilder MapGovPulseNotifications(this IEndpointRouteBuilder api, string adminPolicy) =>
        api.MapPushApi(adminPolicy).MapSummariesApi(adminPolicy).MapAlertsApi(adminPolicy).MapWebhooksApi(adminPolicy);
}
