namespace GovPulse.Indicators.Scoring;

/// <summary>
/// Dossier counts behind a scorecard (the <c>counts</c> object of api-v1.md §2). Pooled by summing,
/// never by averaging children's ratios.
/// </summary>
/// <param name="Finished">All finished dossiers (on time or late); kept for the walking skeleton's callers.</param>
/// <param name="FinishedOnTime">Finished early or on time (Giải quyết trước hạn / đúng hạn).</param>
/// <param name="FinishedLate">Finished after the due time (quá hạn).</param>
/// <param name="InProgressOnTime">Not finished, due time after the evaluation time (trong hạn).</param>
/// <param name="InProgressOverdue">Not finished, due time passed (quá hạn).</param>
/// <param name="Apologies">Apology-and-new-appointment letters; they do not move the due date [choice].</param>
public sealed record ScorecardCounts(
    long Received,
    long Finished,
    long FinishedOnTime = 0,
    long FinishedLate = 0,
    long InProgressOnTime = 0,
    long InProgressOverdue = 0,
    long Apologies = 0)
{
    public static ScorecardCounts Zero { get; } = new(0, 0);

    public static ScorecardCounts operator +(ScorecardCounts a, ScorecardCounts b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return new(
            a.Received + b.Received,
            a.Finished + b.Finished,
            a.FinishedOnTime + b.FinishedOnTime,
            a.FinishedLate + b.FinishedLate,
            a.InProgressOnTime + b.InProgressOnTime,
            a.InProgressOverdue + b.InProgressOverdue,
            a.Apologies + b.Apologies);
    }

    public ScorecardCounts Add(ScorecardCounts other) => this + other;
}
