using GovPulse.Grains;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace GovPulse.Notifications.Alerts;

/// <summary>The alert rules people set, their evaluation on every scorecard change, their state, and the alerts API (/api/v1/alerts).</summary>
public static class AlertsRegistration
{
    public static IHostApplicationBuilder AddGovPulseAlerts(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddGovPulseAlerts();
        return builder;
    }

    /// <summary>The stores, the listener and the options (also what a test cluster's silos need).</summary>
    public static IServiceCollection AddGovPulseAlerts(this IServiceCollection services)
    {
        services.AddOptions<AlertsOptions>().BindConfiguration(AlertsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<AlertRuleStore>();
        services.TryAddSingleton<AlertStateStore>();
        services.TryAddSingleton(AlertEvaluationProbe.None);
        services.TryAddSingleton(typeof(GrainsByKey<>));
        services.AddSingleton<IFiguresListener, AlertsListener>();
        return services;
    }

    /// <param name="api">The <c>/api/v1</c> group.</param>
    /// <param name="adminPolicy">The admin authorization policy, for admin-only endpoints.</param>
    public static IEndpointRouteBuilder MapAlertsApi(this IEndpointRouteBuilder api, string adminPolicy)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentException.ThrowIfNullOrEmpty(adminPolicy);
        return api.MapAlerts();
    }
}
