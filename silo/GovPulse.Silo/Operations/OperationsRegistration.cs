using GovPulse.Grains;
using GovPulse.Ingest.Security;
using OpenTelemetry.Metrics;
using Orleans.Dashboard;

namespace GovPulse.Silo.Operations;

public static class OperationsRegistration
{
    public const string AdminPolicy = "admin";

    /// <summary>Metrics (OpenTelemetry, Prometheus format), JSON logs when asked, and the admin policy.</summary>
    public static WebApplicationBuilder AddGovPulseOperations(this WebApplicationBuilder builder)
    {
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(GovPulseMetrics.MeterName, "Microsoft.Orleans")
            .AddAspNetCoreInstrumentation()
            .AddRuntimeInstrumentation()
            .AddPrometheusExporter());
        builder.Services.AddAuthorizationBuilder().AddPolicy(AdminPolicy, p => p
            .AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName)
            .RequireRole(ApiKeyAuthenticationHandler.AdminRole));
        if (builder.Configuration.GetValue<bool>("GovPulse:Logging:Json"))
        {
            builder.Logging.AddJsonConsole(o => o.IncludeScopes = true);
        }

        return builder;
    }

    /// <summary><c>/metrics</c>, the Orleans dashboard at <c>/admin/orleans</c> and the replay API, for the admin role only.</summary>
    public static WebApplication MapGovPulseOperations(this WebApplication app)
    {
        app.MapPrometheusScrapingEndpoint("/metrics").RequireAuthorization(AdminPolicy);
        app.MapOrleansDashboard("/admin/orleans").RequireAuthorization(AdminPolicy);
        app.MapGroup("/api/v1/admin").MapReplayApi();
        return app;
    }
}
