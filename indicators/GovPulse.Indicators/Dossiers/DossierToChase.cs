using GovPulse.Indicators.Events;

namespace GovPulse.Indicators.Dossiers;

/// <summary>
/// An open dossier as a department head chases it: no personal data, only what identifies the
/// case in the one-stop-shop system, why it is overdue, and how late it is or how long it has left, in working days.
/// </summary>
/// <param name="DueAt">The due time, moved by the citizen's supplement time.</param>
/// <param name="OverdueReason">Why it is overdue; null while it is on time.</param>
/// <param name="OverdueSince">For <see cref="Dossiers.OverdueReason.DuePassed"/>: the due time it passed; null otherwise.</param>
/// <param name="WorkingDaysLate">
/// For an overdue dossier: working days after its due day up to and including today (0 = due today, or
/// due on the last working day and viewed before the next one); 0 while a second supplement request
/// makes it overdue before its due day.
/// </param>
/// <param name="WorkingDaysLeft">For an on-time dossier: working days from today to its due day (0 = due today).</param>
public sealed record DossierToChase(
    string DossierId,
    string ProcedureCode,
    Channel Channel,
    DateTimeOffset ReceivedAt,
    DateTimeOffset DueAt,
    OverdueReason? OverdueReason,
    DateTimeOffset? OverdueSince,
    int? WorkingDaysLate,
    int? WorkingDaysLeft,
    int SupplementRequests)
{
    public bool Overdue => OverdueReason is not null;
}
