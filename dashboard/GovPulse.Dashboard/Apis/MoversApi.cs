using System.Globalization;
using GovPulse.Dashboard.Queries;
using GovPulse.Grains;
using GovPulse.Indicators.Units;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace GovPulse.Dashboard.Apis;

/// <summary>
/// <c>GET /api/v1/rankings/movers?level=commune|department&amp;period=P&amp;count=5</c>: who moved since
/// the previous period. Both periods are ranked as <c>GET /rankings</c> ranks them.
/// </summary>
public static class MoversApi
{
    public const int DefaultCount = 5;
    public const int MaxCount = 50;

    public static RouteGroupBuilder MapMoversApi(this RouteGroupBuilder api)
    {
        api.MapGet("/rankings/movers", GetMovers)
            .WithName("GetRankingMovers")
            .WithSummary("Who rose and who fell in the ranking since the previous period")
            .WithTags("Rankings");
        return api;
    }

    private static async Task<Results<Ok<RankingMovers>, ProblemHttpResult>> GetMovers(
        LevelParameter level, PeriodParameter period, string? count, UnitDirectory units, IGrainFactory grains, ScoringClock clock)
    {
        var kind = level.Value;
        var take = DefaultCount;
        if (!string.IsNullOrEmpty(count) && (!int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out take) || take is < 1 or > MaxCount))
        {
            return BadRequest($"count '{count}' is not a whole number in 1..{MaxCount}");
        }

        var evaluated = period.Value;
        var previousPeriod = PreviousPeriod.Of(evaluated);
        var members = units.All.Where(u => u.Kind == kind).ToList();
        var current = UnitRanking.RankAsync(grains, units, members, evaluated, clock);
        var previous = UnitRanking.RankAsync(grains, units, members, previousPeriod, clock);
        await Task.WhenAll(current, previous);

        var before = previous.Result.ToDictionary(r => r.Unit.UnitCode, StringComparer.Ordinal);
        var rows = current.Result.Select(r =>
        {
            var s = r.Unit;
            var was = before.GetValueOrDefault(s.UnitCode);
            var wasRanked = was is { IsRanked: true };

            // Only two ranked periods compare: an unranked one's total is the no-data rules' alone.
            return new MoverRow(
                s.UnitCode,
                s.Name,
                r.Rank,
                r.IsRanked ? s.Total ?? 0 : null,
                r.IsRanked ? s.Band ?? string.Empty : null,
                was?.Rank,
                wasRanked ? was!.Unit.Total : null,
                r.IsRanked && wasRanked ? (s.Total ?? 0) - (was!.Unit.Total ?? 0) : null,
                r.IsRanked ? null : true);
        }).ToList();

        // A change needs two ranked periods, so unranked units are never risers or fallers.
        var risers = rows.Where(r => r.Change > 0).OrderByDescending(r => r.Change).ThenBy(r => r.Rank).Take(take).ToList();
        var fallers = rows.Where(r => r.Change < 0).OrderBy(r => r.Change).ThenBy(r => r.Rank).Take(take).ToList();
        return TypedResults.Ok(new RankingMovers(level.Word, evaluated.Label, previousPeriod.Label, rows, risers, fallers));
    }

    private static ProblemHttpResult BadRequest(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest);
}
