namespace GovPulse.Indicators.Scoring;

/// <summary>
/// One indicator of a scorecard, in the shape of api-v1.md §2:
/// <c>{ code, numerator, denominator, ratio, points, max, noData }</c>.
/// </summary>
/// <param name="Ratio">R as a percentage with 2 decimals, clamped to [0, 100]; 0 when there is no
/// data [portal]. For AVG_PROCESSING_DAYS it is the average in days, not a percentage.</param>
/// <param name="Points">Rounded to 2 decimals, half away from zero [portal].</param>
/// <param name="NoData">Zero or unknown denominator, or the indicator was missing from the input.</param>
/// <remarks>The wire shape adds <c>noDataRule</c> (<c>zero</c> | <c>full</c> | null).</remarks>
public sealed record IndicatorScore(
    IndicatorCode Code,
    decimal? Numerator,
    decimal? Denominator,
    decimal Ratio,
    decimal Points,
    decimal Max,
    bool NoData)
{
    /// <summary>
    /// The rule that scored a no-data indicator, so a reader can see which points rest on missing
    /// data; null when the indicator has data. Read off the points rather than the catalog: an
    /// indicator left out of the input scores 0 even when it is "none ⇒ max".
    /// </summary>
    public NoDataRule? NoDataRule => NoData ? (Points > 0m ? Scoring.NoDataRule.ScoresMax : Scoring.NoDataRule.ScoresZero) : null;
}
