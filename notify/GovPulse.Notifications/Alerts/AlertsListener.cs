using GovPulse.Grains;
using GovPulse.Indicators.Scoring;

namespace GovPulse.Notifications.Alerts;

/// <summary>Hands every changed scorecard to its unit's alerts grain (one-way) and returns.</summary>
public sealed class AlertsListener(GrainsByKey<IUnitAlertsGrain> unitAlerts) : IFiguresListener
{
    public Task OnScorecardAsync(Scorecard scorecard)
    {
        ArgumentNullException.ThrowIfNull(scorecard);
        return unitAlerts[scorecard.UnitCode].Evaluate(scorecard);
    }

    public Task OnHourlyAsync(HourlySummary summary) => Task.CompletedTask;
}
