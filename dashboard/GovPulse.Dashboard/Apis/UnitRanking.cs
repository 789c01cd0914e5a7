using GovPulse.Grains;
using GovPulse.Indicators.Periods;
using GovPulse.Indicators.Scoring;
using GovPulse.Indicators.Units;

namespace GovPulse.Dashboard.Apis;

/// <summary>
/// Ranks a level's units for a period exactly as <c>GET /rankings</c> does (an ended month from
/// its last published hour, otherwise live), so the movers and the ranking always agree.
/// </summary>
public static class UnitRanking
{
    public static async Task<IReadOnlyList<RankedUnit<Scorecard>>> RankAsync(
        IGrainFactory grains, UnitDirectory units, IReadOnlyList<Unit> members, Period period, ScoringClock clock)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(members);
        var scorecards = (await RankingApi.PublishedAsync(grains, period, members, clock))?.Scorecards
            ?? await LiveScorecards.ManyAsync(grains, units, members, period, clock);
        return Ranking.Rank(scorecards, RankingKey.Of);
    }
}
