using GovPulse.Grains;
using GovPulse.Indicators.Periods;

namespace GovPulse.Dashboard.Apis;

/// <summary>The <c>period</c> query parameter: the API's period syntax, the current local month when absent.</summary>
public static class PeriodQuery
{
    public static bool TryResolve(string? text, ScoringClock clock, out Period period, out string error)
    {
        ArgumentNullException.ThrowIfNull(clock);
        if (string.IsNullOrEmpty(text))
        {
            period = Period.MonthOf(clock.Now);
            error = string.Empty;
            return true;
        }

        return Period.TryParse(text, out period, out error);
    }
}
