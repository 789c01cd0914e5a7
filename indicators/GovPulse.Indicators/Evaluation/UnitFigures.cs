using GovPulse.Indicators.Scoring;

namespace GovPulse.Indicators.Evaluation;

/// <summary>
/// What a unit contributes for a period: the numerator and denominator of every indicator and
/// its dossier counts. A parent pools its children's figures by adding them.
/// </summary>
public sealed record UnitFigures(IReadOnlyList<IndicatorInput> Inputs, ScorecardCounts Counts)
{
    public static UnitFigures Empty { get; } = new([], ScorecardCounts.Zero);
}
