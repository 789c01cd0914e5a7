using GovPulse.Indicators.Evaluation;
using GovPulse.Indicators.Periods;

namespace GovPulse.Grains;

/// <summary>A unit's figures for a period as of <see cref="Version"/> (later versions replace earlier ones).</summary>
[GenerateSerializer, Immutable, Alias("govpulse.unit-figures-report")]
public sealed record UnitFiguresReport(
    [property: Id(0)] string UnitCode,
    [property: Id(1)] long Version,
    [property: Id(2)] Period Period,
    [property: Id(3)] UnitFigures Figures);
