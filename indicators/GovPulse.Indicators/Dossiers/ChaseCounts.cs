namespace GovPulse.Indicators.Dossiers;

/// <summary>How many open dossiers each chase status lists, all counted at the same evaluation time.</summary>
/// <param name="Overdue">Open and overdue, for either reason.</param>
/// <param name="DueSoon">Open, on time, and due within <see cref="ChaseList.DueSoonWorkingDays"/> working days.</param>
/// <param name="InProgress">Every open dossier, overdue or on time.</param>
public sealed record ChaseCounts(int Overdue, int DueSoon, int InProgress)
{
    public static ChaseCounts None { get; } = new(0, 0, 0);

    /// <summary>The count of <paramref name="status"/>: exactly the length of that status's full list.</summary>
    public int Of(ChaseStatus status) => status switch
    {
        ChaseStatus.Overdue => Overdue,
        ChaseStatus.DueSoon => DueSoon,
        _ => InProgress,
    };

    public ChaseCounts Plus(ChaseCounts other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(Overdue + other.Overdue, DueSoon + other.DueSoon, InProgress + other.InProgress);
    }
}
