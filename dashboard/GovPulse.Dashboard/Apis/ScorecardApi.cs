using GovPulse.Dashboard.Queries;
using GovPulse.Grains;
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
        api.MapGet("/units/{code}/indicators", GetScorecard)
            .WithName("GetUnitScorecard")
            .WithSummary("A unit's scorecard for a period: total, band, the six groups with their indicators, and counts")
            .WithTags("Units");
        return api;
    }

    private static async Task<Ok<Scorecard>> GetScorecard(string code, PeriodParameter period, UnitDirectory units, IGrainFactory grains, ScoringClock clock) =>
        TypedResults.Ok(await LiveScorecards.GetAsync(grains, units, code, period.Value, clock));
}
