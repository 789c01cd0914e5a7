using GovPulse.Indicators.Periods;
using GovPulse.Indicators.Scoring;

namespace GovPulse.Grains;

/// <summary>A unit's counts for a period, as of <see cref="Version"/> (later versions replace earlier ones).</summary>
[GenerateSerializer, Immutable, Alias("govpulse.unit-counts-report")]
public sealed record UnitCountsReport(
    [property: Id(0)] string UnitCode,
    [property: Id(1)] long Version,
    [property: Id(2)] Period Period,
    [property: Id(3)] ScorecardCounts Counts);
