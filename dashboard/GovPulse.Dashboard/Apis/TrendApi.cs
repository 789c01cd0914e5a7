using System.Globalization;
using GovPulse.Dashboard.Queries;
using GovPulse.Grains;
using GovPulse.Indicators.Periods;
using GovPulse.Indicators.Units;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace GovPulse.Dashboard.Apis;

/// <summary>
/// <c>GET /api/v1/units/{code}/trend?months=12&amp;period=P</c>: the unit's last months, oldest first,
/// ending with the month in which <c>P</c> ends (never after the current month). The figures of the
/// trend chart, so its text alternative can show them.
/// </summary>
public static class TrendApi
{
    public static RouteGroupBuilder MapTrendApi(this RouteGroupBuilder api)
    {
        api.MapGet("/units/{code}/trend", GetTrend)
            .WithName("GetUnitTrend")
            .WithSummary("A unit's last months, oldest first: the figures of its trend chart")
            .WithTags("History");
        return api;
    }

    private static async Task<Results<Ok<IReadOnlyList<TrendPoint>>, ProblemHttpResult>> GetTrend(
        string code, string? months, PeriodParameter period, UnitDirectory units, IGrainFactory grains, ScoringClock clock)
    {
        if (!TryRead(months, period.Value, clock, out var query, out var problem))
        {
            return problem;
        }

        return TypedResults.Ok(await MonthlyTrend.GetAsync(grains, units, code, query.LastMonth, query.Months, clock));
    }

    /// <summary>Reads <c>months</c> and the months <c>period</c> ends the trend with, shared by the trend and its chart.</summary>
    internal static bool TryRead(
        string? months, Period evaluated, ScoringClock clock, out (int Months, Period LastMonth) query, out ProblemHttpResult problem)
    {
        query = default;
        problem = null!;
        var count = MonthlyTrend.DefaultMonths;
        if (!string.IsNullOrEmpty(months)
            && (!int.TryParse(months, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count is < 1 or > MonthlyTrend.MaxMonths))
        {
            problem = TypedResults.Problem($"months '{months}' is not a whole number in 1..{MonthlyTrend.MaxMonths}", statusCode: StatusCodes.Status400BadRequest);
            return false;
        }

        var current = Period.MonthOf(clock.Now);
        var last = Period.Month(evaluated.LastDay.Year, evaluated.LastDay.Month);
        query = (count, last.FirstDay > current.FirstDay ? current : last);
        return true;
    }
}
