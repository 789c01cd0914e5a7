using GovPulse.Notifications.Subscriptions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace GovPulse.Notifications.Push;

/// <summary>Web Push: VAPID keys, the subscription store, delivery to push services, and the push API (/api/v1/push).</summary>
public static class PushRegistration
{
    public static IHostApplicationBuilder AddGovPulsePush(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<PushOptions>().BindConfiguration(PushOptions.Section)
            .Validate(
                o => string.IsNullOrWhiteSpace(o.Subject) || o.Subject.Trim().StartsWith("mailto:", StringComparison.Ordinal) || o.Subject.Trim().StartsWith("https://", StringComparison.Ordinal),
                $"{PushOptions.Section}:Subject must be a mailto: or https:// URL (who push services may contact about this sender)")
            .Validate(
                o => string.IsNullOrWhiteSpace(o.VapidPublicKey) == string.IsNullOrWhiteSpace(o.VapidPrivateKey),
                $"Set both {PushOptions.Section}:VapidPublicKey and VapidPrivateKey, or neither (the node then makes a pair in its data directory)")
            .Validate(o => o.MaxSubscriptionsPerPerson >= 1 && o.MaxAttempts >= 1, $"{PushOptions.Section}:MaxSubscriptionsPerPerson and MaxAttempts must be at least 1")
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<IPushSubscriptionStore, PushSubscriptionStore>();
        builder.Services.AddPushDelivery();
        return builder;
    }

    /// <summary>
    /// The VAPID keys and the sender with its HTTP client. Needs <see cref="PushOptions"/>, an
    /// <see cref="IPushSubscriptionStore"/>, Data Protection, a <see cref="TimeProvider"/>, logging and metrics.
    /// </summary>
    public static IServiceCollection AddPushDelivery(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<VapidKeys>();
        services.AddSingleton<PushMetrics>();
        services.AddSingleton<IPushSender, WebPushSender>();
        services.AddTransient<VapidAudienceHandler>();
        services.AddHttpClient(WebPushSender.HttpClientName)
            .ConfigureHttpClient((sp, client) => client.Timeout = sp.GetRequiredService<IOptions<PushOptions>>().Value.RequestTimeout)
            .AddHttpMessageHandler<VapidAudienceHandler>();
        return services;
    }

    /// <param name="api">The <c>/api/v1</c> group.</param>
    /// <param name="adminPolicy">The admin authorization policy, for admin-only endpoints.</param>
    public static IEndpointRouteBuilder MapPushApi(this IEndpointRouteBuilder api, string adminPolicy)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentException.ThrowIfNullOrEmpty(adminPolicy);
        return api.MapPushKeysApi(adminPolicy).MapPushSubscriptionsApi().MapPushTestApi();
    }
}
