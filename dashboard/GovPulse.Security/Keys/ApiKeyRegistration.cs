using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;

namespace GovPulse.Security.Keys;

public static class ApiKeyRegistration
{
    /// <summary>
    /// API-key authentication: the keys (bootstrap and stored, reloaded from ClickHouse) and the
    /// <see cref="ApiKeyAuthenticationHandler.SchemeName"/> scheme. Safe to call more than once.
    /// </summary>
    public static IServiceCollection AddGovPulseApiKeys(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(ApiKeys)))
        {
            return services;
        }

        services.AddOptions<ApiKeyOptions>().BindConfiguration(ApiKeyOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ApiKeys>();
        services.AddSingleton<ApiKeyRefresh>();
        services.AddHostedService(sp => sp.GetRequiredService<ApiKeyRefresh>());
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        return services;
    }
}
