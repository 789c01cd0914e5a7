namespace GovPulse.Indicators.Scoring;

/// <summary>
/// A unit's figures for a period as the API shows them (api-v1.md §2): total, band, groups with
/// their indicators, and counts. Built from the five leading values alone it means "counts only"
/// (no total, no band, no groups), which is what the walking skeleton's callers build;
/// <see cref="WithScore"/> adds the 766 index.
/// </summary>
/// <param name="Total">Sum of the group scores, 2 decimals; null when only counts are known.</param>
/// <param name="Band">The band's Vietnamese name, as the contract shows it ("Trung bình"); null when
/// only counts are known. <see cref="Scoring.Band.FromVietnamese"/> gives the band back.</param>
/// <param name="Groups">The six groups in portal order; empty when only counts are known.</param>
/// <param name="Missing">Indicators the score was computed without (POST /score lists them).</param>
public sealed record Scorecard(
    string UnitCode,
    string Name,
    string Period,
    DateTimeOffset EvaluatedAt,
    ScorecardCounts Counts,
    decimal? Total = null,
    string? Band = null,
    IReadOnlyList<GroupScore>? Groups = null,
    IReadOnlyList<IndicatorCode>? Missing = null)
{
    public IReadOnlyList<GroupScore> Groups { get; init; } = Groups ?? [];

    public IReadOnlyList<IndicatorCode> Missing { get; init; } = Missing ?? [];

    public Scorecard WithScore(ScorecardScore score)
    {
        ArgumentNullException.ThrowIfNull(score);
        return this with { Total = score.Total, Band = score.Band.Vietnamese, Groups = score.Groups, Missing = score.Missing };
    }
}
