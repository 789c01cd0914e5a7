namespace GovPulse.Indicators.Scoring;

/// <summary>
/// A unit's figures for a period as the API shows them (docs/api-v1.md §2). In the walking
/// skeleton only the counts are computed; total, band and groups come with the 766 engine.
/// </summary>
public sealed record Scorecard(
    string UnitCode,
    string Name,
    string Period,
    DateTimeOffset EvaluatedAt,
    ScorecardCounts Counts);
