using GovPulse.Indicators.Scoring;
using GovPulse.Indicators.Units;

namespace GovPulse.Dashboard.Apis;

/// <summary>
/// Where a unit stands among the units of its level (<c>GET /units/{code}/comparison</c>'s
/// <c>standing</c>): its rank as <c>GET /rankings</c> gives it, how many units are ranked, their
/// average total and the city's total — the benchmark a department head reads beside their own score.
/// Only units that received a dossier in the period are ranked: a unit with none has no rank, and its
/// score (which says nothing about service) counts neither in <see cref="Of"/> nor in the average.
/// </summary>
/// <param name="Level">"commune" or "department", as <c>GET /rankings?level=</c> names it.</param>
/// <param name="Rank">The unit's rank among the ranked units (equal totals share it); null when it received no dossier.</param>
/// <param name="Of">How many units of the level are ranked.</param>
/// <param name="PeerAverage">The mean of the ranked units' totals (the unit's own among them), 2 decimals half away from zero; null when none is ranked.</param>
/// <param name="CityTotal">The city's total for the period; null when the city received no dossier.</param>
public sealed record UnitStanding(string Level, int? Rank, int Of, decimal? PeerAverage, decimal? CityTotal)
{
    /// <summary>
    /// The standing of <paramref name="unit"/> among <paramref name="level"/> (the scorecards of every
    /// unit of its level, from the source <c>GET /rankings</c> reads); null for the city, which has no peers.
    /// </summary>
    public static UnitStanding? Among(Unit unit, IEnumerable<Scorecard> level, Scorecard? city)
    {
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(level);
        if (LevelOf(unit.Kind) is not { } name)
        {
            return null;
        }

        var ranked = Ranking.Rank(level.Where(IsRanked), RankingKey.Of);
        int? rank = ranked.FirstOrDefault(r => r.Unit.UnitCode == unit.Code)?.Rank;
        decimal? average = ranked.Count == 0
            ? null
            : Math.Round(ranked.Sum(r => r.Unit.Total ?? 0) / ranked.Count, 2, MidpointRounding.AwayFromZero);
        var cityTotal = city is not null && IsRanked(city) ? city.Total : null;
        return new UnitStanding(name, rank, ranked.Count, average, cityTotal);
    }

    /// <summary>The level's name in <c>GET /rankings?level=</c>; null for the city.</summary>
    public static string? LevelOf(UnitKind kind) => kind switch
    {
        UnitKind.Commune => "commune",
        UnitKind.Department => "department",
        _ => null,
    };

    /// <summary>A scorecard says something about service only when the unit received a dossier in the period.</summary>
    private static bool IsRanked(Scorecard scorecard) => scorecard.Counts.Received > 0;
}
