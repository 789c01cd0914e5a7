namespace GovPulse.Indicators.Scoring;

/// <summary>
/// One indicator of the 766 index as indicators-766.md §2 defines it, with the glossary's
/// Vietnamese name (glossary-vi.md) and an English one.
/// </summary>
public sealed record IndicatorDefinition(
    IndicatorCode Code,
    GroupCode Group,
    decimal Max,
    ScoreShape Shape,
    NoDataRule WhenNoData,
    string Vietnamese,
    string English)
{
    public bool IsDisplayOnly => Shape.Kind == ScoreShapeKind.DisplayOnly;

    /// <summary>
    /// Scores counts. R = numerator / denominator clamped to [0, 1]; a null count or a
    /// denominator ≤ 0 is "no data": ratio 0 and 0 points, or max points for "none ⇒ max"
    /// indicators [portal]; noData is true either way.
    /// </summary>
    public IndicatorScore Score(decimal? numerator, decimal? denominator)
    {
        if (numerator is not { } top || denominator is not { } bottom || bottom <= 0m)
        {
            var points = WhenNoData == NoDataRule.ScoresMax ? Max : 0m;
            return new IndicatorScore(Code, numerator, denominator, 0m, points, Max, NoData: true);
        }

        if (IsDisplayOnly)
        {
            // An average (days per finished dossier) is not a share: no clamp to 1, no percentage.
            var average = PortalRounding.ToHundredths(Math.Max(top, 0m) / bottom);
            return new IndicatorScore(Code, numerator, denominator, average, 0m, Max, NoData: false);
        }

        // R is clamped to [0, 1] (indicators-766.md §1: "R in [0, 1]"): more on-time dossiers
        // than received, or a negative what-if count, cannot buy more than max or less than 0.
        var held = Math.Clamp(top, 0m, bottom);
        return new IndicatorScore(
            Code,
            numerator,
            denominator,
            PortalRounding.ToHundredths(ScoreShape.PercentFor(held, bottom)),
            PortalRounding.ToHundredths(Shape.PointsFor(Max, held, bottom)),
            Max,
            NoData: false);
    }

    public IndicatorScore Score(IndicatorInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Code != Code)
        {
            throw new ArgumentException($"{input.Code} counts cannot score {Code}.", nameof(input));
        }

        return Score(input.Numerator, input.Denominator);
    }

    /// <summary>
    /// The indicator was left out of the input: it scores 0 even when it is "none ⇒ max"
    /// (api-v1.md POST /score: "a missing indicator scores 0 and is listed in missing").
    /// </summary>
    public IndicatorScore Missing() => new(Code, null, null, 0m, 0m, Max, NoData: true);
}
