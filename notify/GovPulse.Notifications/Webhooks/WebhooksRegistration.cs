using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace GovPulse.Notifications.Webhooks;

/// <summary>Signed webhooks: registrations, the durable outbox, delivery with retries, dead letters, and the admin API (/api/v1/admin/webhooks).</summary>
public static class WebhooksRegistration
{
    /// <remarks>Needs Data Protection (the node's shared key ring, <c>AddGovPulseKeyRing</c>), ClickHouse and Orleans from the host.</remarks>
    public static IHostApplicationBuilder AddGovPulseWebhooks(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.Section).ValidateDataAnnotations()
            .Validate(o => o.FirstRetryDelay <= o.MaxRetryDelay, $"{WebhookOptions.Section}:FirstRetryDelay must not exceed MaxRetryDelay")
            .Validate(o => o.PublicBaseUrl is null || (o.PublicBaseUrl.IsAbsoluteUri && o.PublicBaseUrl.Scheme is "https" or "http"),
                $"{WebhookOptions.Section}:PublicBaseUrl must be an absolute http(s) address")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<WebhookStore>();
        services.AddSingleton<WebhookDeliveryStore>();
        services.AddSingleton<WebhookSecrets>();
        services.AddSingleton<WebhookPoster>();
        services.AddSingleton<IWebhookOutbox, WebhookOutbox>();
        services.AddHostedService<WebhookWakeup>();
        services.AddHttpClient(WebhookPoster.ClientName)
            .ConfigureHttpClient((sp, client) => client.Timeout = sp.GetRequiredService<IOptions<WebhookOptions>>().Value.Timeout)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = false, // a redirect could send the city's figures, signed, to another host
                UseCookies = false,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5), // follow a receiver's DNS changes
            })
            .RemoveAllLoggers(); // the default logging writes full URLs, which may hold a receiver's token
        return builder;
    }

    /// <param name="api">The <c>/api/v1</c> group.</param>
    /// <param name="adminPolicy">The admin authorization policy, for admin-only endpoints.</param>
    public static IEndpointRouteBuilder MapWebhooksApi(this IEndpointRouteBuilder api, string adminPolicy)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentException.ThrowIfNullOrEmpty(adminPolicy);
        return api.MapWebhooksEndpoints(adminPolicy);
    }
}
