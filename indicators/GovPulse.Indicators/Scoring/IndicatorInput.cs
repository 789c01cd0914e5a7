namespace GovPulse.Indicators.Scoring;

/// <summary>
/// One indicator's counts, as POST /score takes them (api-v1.md §2). A null numerator or
/// denominator means "no data", which is not the same as an indicator left out of the input
/// (that one is "missing" and scores 0 whatever its no-data rule).
/// </summary>
public sealed record IndicatorInput(IndicatorCode Code, decimal? Numerator, decimal? Denominator)
{
    public static IndicatorInput NoData(IndicatorCode code) => new(code, null, null);
}
