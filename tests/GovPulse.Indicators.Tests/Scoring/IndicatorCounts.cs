using GovPulse.Indicators.Scoring;

namespace GovPulse.Indicators.Tests.Scoring;

/// <summary>Arranges indicator counts the way the spec writes them: <c>ON_TIME_PROCESSING.Counts(528_684, 597_918)</c>.</summary>
internal static class IndicatorCounts
{
    public static IndicatorInput Counts(this IndicatorCode code, decimal numerator, decimal denominator) =>
        new(code, numerator, denominator);

    public static IndicatorInput WithoutData(this IndicatorCode code) => IndicatorInput.NoData(code);

    public static IndicatorScore ScoredFrom(this IndicatorCode code, decimal? numerator, decimal? denominator) =>
        IndicatorCatalog.Get(code).Score(numerator, denominator);
}
