using GovPulse.Grains;
using GovPulse.Indicators.Periods;
using GovPulse.Indicators.Scoring;
using GovPulse.Indicators.Units;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace GovPulse.Dashboard.Apis;

/// <summary><c>GET /api/v1/rankings?level=commune|department&amp;period=P</c>: best first; equal totals share a rank.</summary>
public static class RankingApi
{
    public static RouteGroupBuilder MapRankingApi(this RouteGroupBuilder api)
    {
        api.MapGet("/rankings", GetRankings);
        return api;
    }

    private static async Task<Results<Ok<IReadOnlyList<RankingRow>>, ProblemHttpResult>> GetRankings(
        string? level, string? period, UnitDirectory units, IGrainFactory grains, ScoringClock clock)
    {
        UnitKind kind;
        switch (level ?? "commune")
        {
            case "commune": kind = UnitKind.Commune; break;
            case "department": kind = UnitKind.Department; break;
            default:
                return TypedResults.Problem($"level '{level}' is not one of commune, department", statusCode: StatusCodes.Status400BadRequest);
        }

        Period evaluated;
        if (string.IsNullOrEmpty(period))
        {
            evaluated = Period.MonthOf(clock.Now);
        }
        else if (!Period.TryParse(period, out evaluated, out var error))
        {
            return TypedResults.Problem(error, statusCode: StatusCodes.Status400BadRequest);
        }

        var members = units.All.Where(u => u.Kind == kind).ToList();
        var scorecards = await Task.WhenAll(members.Select(u => grains.GetGrain<IUnitGrain>(u.Code).GetScorecard(evaluated)));
        var ranked = Ranking.Rank(scorecards, s => new RankingKey(
            s.UnitCode, s.Total ?? 0, s.Groups.FirstOrDefault(g => g.Code == GroupCode.PROGRESS)?.Score ?? 0, s.Counts.Received));
        IReadOnlyList<RankingRow> rows = ranked
            .Select(r => new RankingRow(
                r.Rank,
                r.Unit.UnitCode,
                r.Unit.Name,
                r.Unit.Total ?? 0,
                r.Unit.Band ?? string.Empty,
                r.Unit.Groups.ToDictionary(g => g.Code.ToString(), g => g.Score),
                r.Unit.Counts.Received))
            .ToList();
        return TypedResults.Ok(rows);
    }
}

/// <summary>One line of a ranking: <c>{ rank, unitCode, name, total, band, groups: { "PROGRESS": 17.68, … }, received }</c>.</summary>
public sealed record RankingRow(int Rank, string UnitCode, string Name, decimal Total, string Band, IReadOnlyDictionary<string, decimal> Groups, long Received);
