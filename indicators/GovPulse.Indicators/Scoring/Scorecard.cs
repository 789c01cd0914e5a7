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

    /// <summary>
    /// No dossier was received in the period (for a parent, none in the pooled counts): the total
    /// then rests on no-data rules alone and is no score to show or rank [choice, issue 12].
    /// </summary>
    public bool NoDossiers => Counts.Received == 0;

    /// <summary>
    /// The points of <see cref="Total"/> awarded by no-data rules: the sum of the points of the
    /// indicators with <c>noData</c> ("none ⇒ max" ones give full points, the others 0).
    /// </summary>
    public decimal NoDataPoints => Groups.SelectMany(g => g.Indicators).Where(i => i.NoData).Sum(i => i.Points);

    public Scorecard WithScore(ScorecardScore score)
    {
        ArgumentNullException.ThrowIfNull(score);
        return this with { Total = score.Total, Band = score.Band.Vietnamese, Groups = score.Groups, Missing = score.Missing };
    }
}
