using GovPulse.Storage.ClickHouse;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GovPulse.Silo.Health;

public static class HealthRegistration
{
    private const string Ready = "ready";

    public static WebApplicationBuilder AddGovPulseHealth(this WebApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks()
            .AddCheck<ClickHouseHealthCheck>("clickhouse", tags: [Ready])
            .AddCheck<SiloHealthCheck>("silo", tags: [Ready]);
        return builder;
    }

    /// <summary><c>/health/live</c>: the process answers. <c>/health/ready</c>: ClickHouse and the silo are up.</summary>
    public static WebApplication MapGovPulseHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false })
            .WithName("GetLiveness").WithSummary("The process answers").WithTags("Health");
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready) })
            .WithName("GetReadiness").WithSummary("ClickHouse and the silo are up").WithTags("Health");
        return app;
    }
}
