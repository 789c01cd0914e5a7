using GovPulse.Grains;
using GovPulse.Indicators.Periods;
using GovPulse.Indicators.Units;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GovPulse.Silo.Health;

/// <summary>Ready when the silo serves grain calls (the city grain answers).</summary>
public sealed class SiloHealthCheck(IGrainFactory grains, UnitDirectory units, ScoringClock clock) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await grains.GetGrain<ICityGrain>(units.City.Code)
                .GetScorecard(Period.MonthOf(clock.Now))
                .WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
            return HealthCheckResult.Healthy();
        }
#pragma warning disable CA1031 // Any failure means "not ready".
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return HealthCheckResult.Unhealthy("the silo does not answer grain calls yet", ex);
        }
    }
}
