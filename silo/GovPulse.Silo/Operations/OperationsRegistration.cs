using GovPulse.Grains;
using GovPulse.Security.Audit;
using GovPulse.Security.Keys;
using GovPulse.Security.SignIn;
using OpenTelemetry.Metrics;
using Orleans.Dashboard;

namespace GovPulse.Silo.Operations;

public static class OperationsRegistration
{
    public const string AdminPolicy = "admin";

    /// <summary>
    /// Whether the node serves the Orleans dashboard (<c>/admin/orleans</c>): on with <c>dotnet run</c>, off
    /// otherwise. It is a diagnostic tool, and it costs: at start it compresses its embedded pages and
    /// activates a grain per silo (about 0.5 s of CPU, a tenth of a cold start's), then collects every
    /// grain's call statistics while the node runs.
    /// </summary>
    public const string OrleansDashboardSetting = "GovPulse:Operations:OrleansDashboard";

    public static bool OrleansDashboardEnabled(IConfiguration configuration) => configuration.GetValue<bool>(OrleansDashboardSetting);

    /// <summary>Metrics (OpenTelemetry, Prometheus format), JSON logs when asked, and the admin policy (the bootstrap key or an admin signed in).</summary>
    public static WebApplicationBuilder AddGovPulseOperations(this WebApplicationBuilder builder)
    {
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(GovPulseMetrics.MeterName, "Microsoft.Orleans")
            .AddAspNetCoreInstrumentation()
            .AddRuntimeInstrumentation()
            // Each metric stream allocates its points up front: at the SDK's 2,000 the node's ~230
            // streams held 33 MB from the start. No GovPulse, Orleans or HTTP metric has more than a
            // few dozen tag sets (none is tagged by unit), so 500 leaves room and gives back 25 MB.
            .AddView(_ => new MetricStreamConfiguration { CardinalityLimit = 500 })
            .AddPrometheusExporter());
        // The bootstrap key, or a person signed in as admin (the caller scheme picks the key when one is sent, else the session).
        builder.Services.AddAuthorizationBuilder().AddPolicy(AdminPolicy, p => p
            .AddAuthenticationSchemes(SessionCookie.CallerScheme)
            .RequireRole(ApiKeyAuthenticationHandler.AdminRole));
        if (builder.Configuration.GetValue<bool>("GovPulse:Logging:Json"))
        {
            builder.Logging.AddJsonConsole(o => o.IncludeScopes = true);
        }

        return builder;
    }

    /// <summary><c>/metrics</c>, the Orleans dashboard at <c>/admin/orleans</c> (when <see cref="OrleansDashboardSetting"/>), the replay and quarantine APIs, for the admin role only.</summary>
    public static WebApplication MapGovPulseOperations(this WebApplication app)
    {
        app.MapPrometheusScrapingEndpoint("/metrics").RequireAuthorization(AdminPolicy)
            .WithName("GetMetrics").WithSummary("Metrics in the Prometheus text format (admins)").WithTags("Admin");
        if (OrleansDashboardEnabled(app.Configuration))
        {
            // The Orleans dashboard maps many endpoints (pages and its own API): a summary and tag, no one name.
            app.MapOrleansDashboard("/admin/orleans").RequireAuthorization(AdminPolicy)
                .WithSummary("The Orleans dashboard: grains, silos and calls (admins)").WithTags("Admin");
        }

        app.MapGroup("/api/v1/admin").Audited().MapReplayApi().MapQuarantineApi();
        return app;
    }
}
