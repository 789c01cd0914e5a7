using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;

namespace GovPulse.Notifications.Push;

/// <summary>Web Push: VAPID keys, the subscription store, delivery to push services, and the push API (/api/v1/push).</summary>
public static class PushRegistration
{
    public static IHostApplicationBuilder AddGovPulsePush(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder;
    }

    /// <param name="api">The <c>/api/v1</c> group.</param>
    /// <param name="adminPolicy">The admin authorization policy, for admin-only endpoints.</param>
    public static IEndpointRouteBuilder MapPushApi(this IEndpointRouteBuilder api, string adminPolicy)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentException.ThrowIfNullOrEmpty(adminPolicy);
        return api;
    }
}
