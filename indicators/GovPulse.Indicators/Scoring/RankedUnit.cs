namespace GovPulse.Indicators.Scoring;

/// <summary>
/// A unit at its place in a ranking: <paramref name="Rank"/> is shared by equal totals (1, 2, 2, 4),
/// and null for a unit with no dossiers in the period, which is listed after every ranked unit.
/// </summary>
public sealed record RankedUnit<TUnit>(int? Rank, TUnit Unit)
{
    public bool IsRanked => Rank is not null;
}
