using GovPulse.Dashboard.Queries;
using GovPulse.Grains;
using GovPulse.Indicators.Periods;
using GovPulse.Indicators.Scoring;
using GovPulse.Indicators.Units;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace GovPulse.Dashboard.Apis;

/// <summary>
/// <c>GET /api/v1/units/{code}/comparison?period=P</c>: the unit's scorecard, the previous period's
/// (<see cref="PreviousPeriod"/>) and the city's, in one answer — "So với kỳ trước / So với toàn thành phố" —
/// and the unit's standing among its level (<see cref="UnitStanding"/>), ranked as <c>GET /rankings</c> ranks it.
/// </summary>
public static class ComparisonApi
{
    public static RouteGroupBuilder MapComparisonApi(this RouteGroupBuilder api)
    {
        api.MapGet("/units/{code}/comparison", GetComparison)
            .WithName("GetUnitComparison")
            .WithSummary("A unit's scorecard beside the previous period's and the city's, with its standing among its level")
            .WithTags("Units");
        return api;
    }

    private static async Task<Ok<UnitComparison>> GetComparison(
        string code, PeriodParameter period, UnitDirectory units, IGrainFactory grains, ScoringClock clock)
    {
        var unit = units.Find(code)!;
        var evaluated = period.Value;
        var previousPeriod = PreviousPeriod.Of(evaluated);
        var isCity = code == units.City.Code;
        var current = LiveScorecards.GetAsync(grains, units, code, evaluated, clock);
        var previous = LiveScorecards.GetAsync(grains, units, code, previousPeriod, clock);
        var city = isCity ? Task.FromResult<Scorecard?>(null) : CityAsync(grains, units, evaluated);
        var level = isCity ? Task.FromResult<IReadOnlyList<RankedUnit<Scorecard>>>([]) : UnitRanking.RankAsync(grains, units, units.All.Where(u => u.Kind == unit.Kind).ToList(), evaluated, clock);
        await Task.WhenAll(current, previous);
        await Task.WhenAll(city, level);

        return TypedResults.Ok(new UnitComparison(
            unit.Code,
            unit.Name,
            evaluated.Label,
            previousPeriod.Label,
            current.Result,
            previous.Result,
            city.Result,
            ScoreChange.Between(current.Result, previous.Result),
            city.Result is { } c ? ScoreChange.Between(current.Result, c) : null,
            UnitStanding.Among(unit, level.Result.Select(r => r.Unit), city.Result)));
    }

    private static async Task<Scorecard?> CityAsync(IGrainFactory grains, UnitDirectory units, Period period) =>
        await LiveScorecards.GetAsync(grains, units, units.City.Code, period);
}
