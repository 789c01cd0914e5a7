namespace GovPulse.Indicators.Scoring;

/// <summary>What a unit is ranked on (indicators-766.md §3): its total, then the tie-breakers.</summary>
/// <param name="UnitCode">Last tie-breaker, compared ordinally (official codes of one level have the same length).</param>
/// <param name="Total">The 2-decimal total; equal totals share a rank.</param>
/// <param name="Progress">The PROGRESS group score, the first tie-breaker.</param>
/// <param name="Received">Dossiers received in the period, the second tie-breaker (more first).</param>
/// <param name="NoDossiers">The unit received no dossier in the period: it is not ranked.</param>
public sealed record RankingKey(string UnitCode, decimal Total, decimal Progress, long Received, bool NoDossiers = false)
{
    public static RankingKey Of(string unitCode, ScorecardScore score, long received)
    {
        ArgumentNullException.ThrowIfNull(score);
        return new RankingKey(unitCode, score.Total, score.Group(GroupCode.PROGRESS).Score, received, NoDossiers: received == 0);
    }

    /// <summary>The key of a unit's scorecard (a unit with no total ranks as 0).</summary>
    public static RankingKey Of(Scorecard scorecard)
    {
        ArgumentNullException.ThrowIfNull(scorecard);
        return new RankingKey(
            scorecard.UnitCode,
            scorecard.Total ?? 0,
            scorecard.Groups.FirstOrDefault(g => g.Code == GroupCode.PROGRESS)?.Score ?? 0,
            scorecard.Counts.Received,
            scorecard.NoDossiers);
    }
}
