using GovPulse.Indicators.Evaluation;
using GovPulse.Indicators.Periods;

namespace GovPulse.Grains;

/// <summary>
/// A unit's figures for a period, as of its log position <see cref="Position"/> judged at
/// <see cref="EvaluatedAt"/>. A report with a higher position replaces one with a lower position,
/// whatever the clocks say; at equal positions (no new event, a due time passed) the later judgement wins.
/// </summary>
/// <param name="Position">The unit's log position: the last of its events the figures include (0 before any).</param>
/// <param name="EvaluatedAt">When the unit judged the figures (on its node's scoring clock).</param>
/// <param name="NextDue">
/// The next instant after <paramref name="EvaluatedAt"/> at which one of the unit's open dossiers turns
/// overdue (its figures then change with no event), or null when none will: the city wakes the unit
/// then, so an idle unit may deactivate without missing it.
/// </param>
[GenerateSerializer, Immutable, Alias("govpulse.unit-figures-report")]
public sealed record UnitFiguresReport(
    [property: Id(0)] string UnitCode,
    [property: Id(1)] long Position,
    [property: Id(2)] Period Period,
    [property: Id(3)] UnitFigures Figures,
    [property: Id(4)] DateTimeOffset EvaluatedAt,
    [property: Id(5)] DateTimeOffset? NextDue = null)
{
    /// <summary>Whether this report should replace <paramref name="known"/> of the same unit and period.</summary>
    public bool Supersedes(UnitFiguresReport known)
    {
        ArgumentNullException.ThrowIfNull(known);
        return Position > known.Position || (Position == known.Position && EvaluatedAt > known.EvaluatedAt);
    }

    /// <summary>Whether <paramref name="other"/> holds the same figures for the same period (whatever its position or judging time).</summary>
    public bool SameFigures(UnitFiguresReport other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Period == other.Period && Figures.Counts == other.Figures.Counts && Figures.Inputs.SequenceEqual(other.Figures.Inputs);
    }
}
