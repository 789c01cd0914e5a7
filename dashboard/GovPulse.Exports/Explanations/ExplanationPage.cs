using GovPulse.Indicators.Scoring;

namespace GovPulse.Exports.Explanations;

/// <summary>
/// One page of an explanation (docs/api.md): the indicator's numerator and denominator as known at
/// <see cref="AsOf"/>, how many items explain them in all, this page's items, and the cursor of the
/// next page (null on the last).
/// </summary>
/// <param name="AsOf">The instant the figures are as known at, local time with offset (as <c>X-GovPulse-As-Of</c>).</param>
/// <param name="Count">The number of items in the whole explanation, over every page.</param>
public sealed record ExplanationPage(
    string UnitCode,
    IndicatorCode Indicator,
    string Period,
    string AsOf,
    decimal? Numerator,
    decimal? Denominator,
    int Count,
    IReadOnlyList<ExplainedDossierView> Dossiers,
    string? Next);
