using GovPulse.Indicators.Explanations;
using GovPulse.Indicators.Periods;
using GovPulse.Indicators.Scoring;
using GovPulse.Indicators.Units;

namespace GovPulse.Grains;

/// <summary>
/// Figures and their explanations as known at an instant, for exports and the explained numbers: a
/// stateless worker (key 0) that rebuilds what a unit's log held at that instant from ClickHouse, so
/// the work spreads over the nodes and never touches the live unit grains.
/// </summary>
[Alias("govpulse.known-at")]
public interface IKnownAtGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// The unit's figures for the period as known at <paramref name="asOf"/>. For the city's code, the
    /// pooled figures of every unit as known at that instant (as the city grain pools them live).
    /// </summary>
    [Alias("figures")]
    Task<KnownAtFigures> GetFigures(string unitCode, Period period, DateTimeOffset asOf);

    /// <summary>
    /// The figures of every unit of a kind (communes or departments), in the directory's order, as
    /// known at <paramref name="asOf"/>: what a ranking needs, in one call that reads every unit's
    /// position in one query and rebuilds only the units with receipts in the period.
    /// </summary>
    [Alias("level-figures")]
    Task<IReadOnlyList<KnownAtFigures>> GetLevelFigures(UnitKind kind, Period period, DateTimeOffset asOf);

    /// <summary>Every item the indicator counted for the unit and period as known at <paramref name="asOf"/> (a unit's code, not the city's).</summary>
    [Alias("explain")]
    Task<IndicatorExplanation> Explain(string unitCode, Period period, DateTimeOffset asOf, IndicatorCode indicator);
}
