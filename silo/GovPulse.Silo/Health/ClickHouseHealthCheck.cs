using GovPulse.Storage.ClickHouse;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GovPulse.Silo.Health;

/// <summary>Ready when ClickHouse answers and its schema is migrated.</summary>
public sealed class ClickHouseHealthCheck(ClickHouseDatabase database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!database.IsReady)
        {
            return HealthCheckResult.Unhealthy("ClickHouse is starting");
        }

        var client = await database.GetClientAsync();
        var one = await client.ExecuteScalarAsync("SELECT 1", null, null, cancellationToken);
        return Convert.ToInt32(one, System.Globalization.CultureInfo.InvariantCulture) == 1
            ? HealthCheckResult.Healthy(database.IsEmbedded ? "embedded ClickHouse" : "ClickHouse server")
            : HealthCheckResult.Unhealthy("ClickHouse did not answer SELECT 1");
    }
}
