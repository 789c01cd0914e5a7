namespace GovPulse.Indicators.Scoring;

/// <summary>
/// Dossier counts behind a scorecard (the <c>counts</c> object of the API). Pooled by summing,
/// never by averaging children's ratios.
/// </summary>
public sealed record ScorecardCounts(long Received, long Finished)
{
    public static ScorecardCounts Zero { get; } = new(0, 0);

    public static ScorecardCounts operator +(ScorecardCounts a, ScorecardCounts b) =>
        new(a.Received + b.Received, a.Finished + b.Finished);

    public ScorecardCounts Add(ScorecardCounts other) => this + other;
}
