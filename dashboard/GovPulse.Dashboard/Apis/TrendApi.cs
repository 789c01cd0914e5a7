using System.Globalization;
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
        api.MapGet("/units/{code}/trend", GetTrend);
        return api;
    }

    private static async Task<Results<Ok<IReadOnlyList<TrendPoint>>, ProblemHttpResult>> GetTrend(
        string code, string? months, string? period, UnitDirectory units, IGrainFactory grains, ScoringClock clock)
    {
        if (!TryRead(code, months, period, units, clock, out var query, out var problem))
        {
            return problem;
        }

        return TypedResults.Ok(await MonthlyTrend.GetAsync(grains, units, code, query.LastMonth, query.Months, clock));
    }

    /// <summary>Reads the unit, <c>months</c> and <c>period</c> shared by the trend and its chart.</summary>
    internal static bool TryRead(
        string code, string? months, string? period, UnitDirectory units, ScoringClock clock, out (int Months, Period LastMonth) query, out ProblemHttpResult problem)
    {
        query = default;
        problem = null!;
        if (!units.Contains(code))
        {
            problem = TypedResults.Problem($"unit '{code}' is not a known unit; GET /api/v1/units lists them", statusCode: StatusCodes.Status404NotFound);
            return false;
        }

        var count = MonthlyTrend.DefaultMonths;
        if (!string.IsNullOrEmpty(months)
            && (!int.TryParse(months, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count is < 1 or > MonthlyTrend.MaxMonths))
        {
            problem = TypedResults.Problem($"months '{months}' is not a whole number in 1..{MonthlyTrend.MaxMonths}", statusCode: StatusCodes.Status400BadRequest);
            return false;
        }

        if (!PeriodQuery.TryResolve(period, clock, out var evaluated, out var error))
        {
            problem = TypedResults.Problem(error, statusCode: StatusCodes.Status400BadRequest);
            return false;
        }

        var current = Period.MonthOf(clock.Now);
        var last = Period.Month(evaluated.LastDay.Year, evaluated.LastDay.Month);
        query = (count, last.FirstDay > current.FirstDay ? current : last);
        return true;
    }
}
