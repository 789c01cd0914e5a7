using GovPulse.Grains;
using GovPulse.Indicators.Periods;
using GovPulse.Indicators.Scoring;
using GovPulse.Indicators.Units;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace GovPulse.Dashboard.Apis;

/// <summary><c>GET /api/v1/units/{code}/indicators?period=P</c>: a unit's scorecard.</summary>
public static class ScorecardApi
{
    public static RouteGroupBuilder MapScorecardApi(this RouteGroupBuilder api)
    {
        api.MapGet("/units/{code}/indicators", GetScorecard);
        return api;
    }

    private static async Task<Results<Ok<Scorecard>, ProblemHttpResult>> GetScorecard(
        string code, string? period, UnitDirectory units, IGrainFactory grains, ScoringClock clock)
    {
        if (!units.Contains(code))
        {
            return TypedResults.Problem($"unit '{code}' is not a known unit; GET /api/v1/units lists them", statusCode: StatusCodes.Status404NotFound);
        }

        if (!PeriodQuery.TryResolve(period, clock, out var evaluated, out var error))
        {
            return TypedResults.Problem(error, statusCode: StatusCodes.Status400BadRequest);
        }

        return TypedResults.Ok(await LiveScorecards.GetAsync(grains, units, code, evaluated));
    }
}
