using GovPulse.Indicators.Scoring;

namespace GovPulse.Dashboard.Apis;

/// <summary>
/// A unit's figures for one month of a trend: <c>{ period, total, band, groups, counts, source }</c>.
/// </summary>
/// <param name="Period">The month, <c>2026-11</c>.</param>
/// <param name="Groups">Group scores by group code, in portal order.</param>
/// <param name="Source"><c>history</c> (the month has ended and was published hourly: its last published hour)
/// or <c>live</c> (the unit's grain, for the running month and months without history).</param>
/// <param name="NoDataPoints">The points of the total awarded by no-data rules (as a scorecard's);
/// null for a <c>history</c> month, whose published headline figures do not keep the indicators.</param>
public sealed record TrendPoint(
    string Period,
    decimal? Total,
    string? Band,
    IReadOnlyDictionary<string, decimal> Groups,
    ScorecardCounts Counts,
    string Source,
    decimal? NoDataPoints = null)
{
    /// <summary>No dossier was received in the month: its total is no score (as a scorecard's <c>noDossiers</c>).</summary>
    public bool NoDossiers => Counts.Received == 0;
}
