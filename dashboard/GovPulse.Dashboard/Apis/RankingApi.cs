using System.Globalization;
using System.Text.Json.Serialization;
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
/// <c>GET /api/v1/rankings?level=commune|department|province&amp;period=P&amp;province=C</c>: best first;
/// equal totals share a rank. <c>province</c> keeps the units of one province; <c>level=province</c>
/// ranks the provinces, each pooled from its units as the city is (its pooling grain).
/// A month that has ended ranks from its last published hourly snapshot when there is one, so the
/// answer never changes afterwards; otherwise it ranks live: an ended period from the unit reports
/// the city grain keeps (<see cref="LiveScorecards.ManyAsync"/>), a running one from the units' grains. The header
/// <c>X-GovPulse-Source</c> says which (<c>history</c> | <c>live</c>), and <c>X-GovPulse-Snapshot</c>
/// names the snapshot's hour.
/// </summary>
public static class RankingApi
{
    public const string SourceHeader = "X-GovPulse-Source";
    public const string SnapshotHeader = "X-GovPulse-Snapshot";

    public static RouteGroupBuilder MapRankingApi(this RouteGroupBuilder api)
    {
        api.MapGet("/rankings", GetRankings)
            .WithName("GetRankings")
            .WithSummary("The communes', departments' or provinces' ranking for a period (optionally within one province), best first; units without dossiers after the ranked ones")
            .WithTags("Rankings");
        return api;
    }

    private static async Task<Ok<IReadOnlyList<RankingRow>>> GetRankings(
        RankingLevelParameter level, PeriodParameter period, ProvinceParameter province, UnitDirectory units, IGrainFactory grains, ScoringClock clock, HttpResponse response)
    {
        var evaluated = period.Value;
        var members = units.All.Where(u => level.Ranks(u) && province.Keeps(units, u)).ToList();
        IReadOnlyList<Scorecard> scorecards;
        if (await PublishedAsync(grains, evaluated, members, clock) is { } published)
        {
            scorecards = published.Scorecards;
            response.Headers[SourceHeader] = "history";
            response.Headers[SnapshotHeader] = VietnamTime.ToLocal(published.Hour).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        }
        else
        {
            scorecards = await LiveScorecards.ManyAsync(grains, units, members, evaluated, clock);
            response.Headers[SourceHeader] = "live";
        }

        var ranked = Ranking.Rank(scorecards, RankingKey.Of);
        IReadOnlyList<RankingRow> rows = ranked.Select(RankingRow.Of).ToList();
        return TypedResults.Ok(rows);
    }

    /// <summary>
    /// The members' scorecards at the last hour published inside an ended month; null for a month
    /// still running, for other kinds of period (snapshots hold month figures only), and when no
    /// snapshot of the month holds every member.
    /// </summary>
    internal static async Task<(DateTimeOffset Hour, IReadOnlyList<Scorecard> Scorecards)?> PublishedAsync(
        IGrainFactory grains, Period period, IReadOnlyList<Unit> members, ScoringClock clock)
    {
        if (period.Kind != PeriodKind.Month || period.End > clock.Now)
        {
            return null;
        }

        if (await grains.GetGrain<IIndicatorHistoryGrain>(0).GetLastPublished(period) is not { } published)
        {
            return null;
        }

        var byCode = published.Scorecards.ToDictionary(s => s.UnitCode, StringComparer.Ordinal);
        var scorecards = members.Select(m => byCode.GetValueOrDefault(m.Code)).ToList();
        return scorecards.TrueForAll(s => s is not null) ? (published.Hour, scorecards!) : null;
    }
}

/// <summary>
/// One line of a ranking: <c>{ rank, unitCode, name, total, band, groups: { "PROGRESS": 17.68, … }, received }</c>.
/// A unit with no dossiers in the period is not ranked: <c>rank</c>, <c>total</c> and <c>band</c> are
/// null, <c>groups</c> empty, and <c>noDossiers</c> true; ranked rows have no <c>noDossiers</c> at all,
/// so they keep the contract's shape.
/// </summary>
public sealed record RankingRow(
    int? Rank,
    string UnitCode,
    string Name,
    decimal? Total,
    string? Band,
    IReadOnlyDictionary<string, decimal> Groups,
    long Received,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? NoDossiers = null)
{
    public static RankingRow Of(RankedUnit<Scorecard> ranked)
    {
        ArgumentNullException.ThrowIfNull(ranked);
        var unit = ranked.Unit;
        return ranked.IsRanked
            ? new RankingRow(
                ranked.Rank,
                unit.UnitCode,
                unit.Name,
                unit.Total ?? 0,
                unit.Band ?? string.Empty,
                unit.Groups.ToDictionary(g => g.Code.ToString(), g => g.Score),
                unit.Counts.Received)
            : new RankingRow(null, unit.UnitCode, unit.Name, null, null, new Dictionary<string, decimal>(), unit.Counts.Received, NoDossiers: true);
    }
}
