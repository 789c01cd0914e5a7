namespace GovPulse.Indicators.Scoring;

/// <summary>A unit at its place in a ranking: <paramref name="Rank"/> is shared by equal totals (1, 2, 2, 4).</summary>
public sealed record RankedUnit<TUnit>(int Rank, TUnit Unit);
