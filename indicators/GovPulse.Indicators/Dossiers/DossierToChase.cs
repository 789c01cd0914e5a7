using GovPulse.Indicators.Events;

namespace GovPulse.Indicators.Dossiers;

/// <summary>
/// An open dossier as a department head chases it: no personal data, only what identifies the
/// case in the one-stop-shop system and how late it is or how long it has left, in working days.
/// </summary>
/// <param name="WorkingDaysLate">For an overdue dossier: working days from the local day it fell due to today (0 = due earlier today).</param>
/// <param name="WorkingDaysLeft">For an on-time dossier: working days from today to its due day (0 = due today).</param>
public sealed record DossierToChase(
    string DossierId,
    string ProcedureCode,
    Channel Channel,
    DateTimeOffset ReceivedAt,
    DateTimeOffset DueAt,
    bool Overdue,
    int? WorkingDaysLate,
    int? WorkingDaysLeft,
    int SupplementRequests);
