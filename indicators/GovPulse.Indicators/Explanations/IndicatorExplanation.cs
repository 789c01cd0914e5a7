using GovPulse.Indicators.Scoring;

namespace GovPulse.Indicators.Explanations;

/// <summary>
/// Why an indicator of a unit has its figures for a period at an evaluation time: every item counted
/// in its numerator or denominator. The items' numerator values add up to <see cref="Numerator"/> and
/// the items in the denominator number <see cref="Denominator"/>, exactly the scorecard's figures;
/// both are null (and there are no items) when the indicator has no data.
/// </summary>
public sealed record IndicatorExplanation(
    IndicatorCode Indicator,
    decimal? Numerator,
    decimal? Denominator,
    IReadOnlyList<ExplainedItem> Items);
