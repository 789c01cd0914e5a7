namespace GovPulse.Indicators.Scoring;

/// <summary>
/// One group of a scorecard (api-v1.md §2: <c>{ code, score, max, indicators }</c>). The score is
/// the sum of the indicators' rounded points [portal].
/// </summary>
public sealed record GroupScore(GroupCode Code, decimal Score, decimal Max, IReadOnlyList<IndicatorScore> Indicators);
