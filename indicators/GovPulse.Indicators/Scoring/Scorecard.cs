using System.Text.Json.Serialization;

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
    /// Which state of the unit the figures are of, growing with it [issue 13]: for a unit its log
    /// position (the last of its events they include), for the city the sum of the positions of the
    /// unit reports it pooled; 0 when unknown (counts computed from given numbers). Equal versions
    /// of one unit differ only by when they were judged (a due time passed).
    /// </summary>
    public long Version { get; init; }

    /// <summary>
    /// On a live push only: the <see cref="Version"/> of the previous push its publisher sent for this
    /// unit (0 for the first since the publisher started). A viewer that last saw a lower version
    /// missed a push; reads over the API leave it out.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? PreviousVersion { get; init; }

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
