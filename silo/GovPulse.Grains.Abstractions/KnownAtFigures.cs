using GovPulse.Indicators.Evaluation;
using GovPulse.Indicators.Periods;

namespace GovPulse.Grains;

/// <summary>
/// A unit's figures for a period as GovPulse knew them at <see cref="AsOf"/>: only the events its log
/// held then (every position up to <see cref="Position"/>), judged at <see cref="EvaluatedAt"/>
/// (min(asOf, end of the period)). The same unit, period and asOf give the same figures whenever they
/// are asked for, whatever was stored since.
/// </summary>
/// <param name="Position">The last log position counted: the unit's position at <see cref="AsOf"/> (0 when it had none).</param>
[GenerateSerializer, Immutable, Alias("govpulse.known-at-figures")]
public sealed record KnownAtFigures(
    [property: Id(0)] string UnitCode,
    [property: Id(1)] Period Period,
    [property: Id(2)] DateTimeOffset AsOf,
    [property: Id(3)] DateTimeOffset EvaluatedAt,
    [property: Id(4)] long Position,
    [property: Id(5)] UnitFigures Figures);
