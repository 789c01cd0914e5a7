namespace GovPulse.Indicators.Scoring;

/// <summary>
/// The 766 index computed from one unit's indicator counts: the six groups with every indicator
/// (missing ones included, at 0 points), the total and its band.
/// </summary>
/// <param name="Total">Sum of the group scores, each already a sum of 2-decimal points [portal].</param>
/// <param name="Missing">Indicators absent from the input, in portal order (api-v1.md POST /score).</param>
public sealed record ScorecardScore(
    decimal Total,
    Band Band,
    IReadOnlyList<GroupScore> Groups,
    IReadOnlyList<IndicatorCode> Missing)
{
    public GroupScore Group(GroupCode code) =>
        Groups.FirstOrDefault(g => g.Code == code)
        ?? throw new ArgumentOutOfRangeException(nameof(code), code, "This score has no such group.");

    public IndicatorScore Indicator(IndicatorCode code) =>
        Groups.SelectMany(g => g.Indicators).FirstOrDefault(i => i.Code == code)
        ?? throw new ArgumentOutOfRangeException(nameof(code), code, "This score has no such indicator.");
}
