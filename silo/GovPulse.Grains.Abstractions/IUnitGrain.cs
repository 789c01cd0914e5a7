using System.Collections.Immutable;
using GovPulse.Indicators.Events;
using GovPulse.Indicators.Periods;
using GovPulse.Indicators.Scoring;
using Orleans.Concurrency;

namespace GovPulse.Grains;

/// <summary>
/// One unit (commune, department, or the city's own desk), keyed by its code. Holds the unit's
/// dossiers in memory and rebuilds them from ClickHouse on activation; no other grain storage.
/// </summary>
[Alias("govpulse.unit")]
public interface IUnitGrain : IGrainWithStringKey
{
    /// <summary>Applies events already stored in ClickHouse. Re-applying an event changes nothing.</summary>
    [Alias("apply")]
    Task<ApplyResult> Apply(ImmutableArray<UnitEvent> events);

    [Alias("scorecard"), ReadOnly]
    Task<Scorecard> GetScorecard(Period period);

    /// <summary>Counts only; interleaves, so the city can ask while this unit is busy.</summary>
    [Alias("counts"), ReadOnly, AlwaysInterleave]
    Task<ScorecardCounts> GetCounts(Period period);
}
