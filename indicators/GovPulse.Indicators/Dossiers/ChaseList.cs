using GovPulse.Indicators.Periods;

namespace GovPulse.Indicators.Dossiers;

/// <summary>A unit's open dossiers to chase, most urgent (earliest due) first, and how many there are in all.</summary>
public sealed record ChaseList(int Total, IReadOnlyList<DossierToChase> Dossiers)
{
    /// <summary>"Due soon" means due within this many working days (today included as 0).</summary>
    public const int DueSoonWorkingDays = 2;

    /// <summary>The open dossiers of <paramref name="ledger"/> with <paramref name="status"/> at <paramref name="now"/>, the first <paramref name="limit"/> of them.</summary>
    public static ChaseList Of(UnitLedger ledger, ChaseStatus status, DateTimeOffset now, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        var calendar = ledger.Calendar;
        var today = VietnamTime.LocalDate(now);
        var matches = new List<DossierToChase>();
        foreach (var dossier in ledger.OpenDossiers)
        {
            var receipt = dossier.Receipt!;
            var standing = dossier.Judge(now, calendar);
            if (standing.Outcome.IsFinished())
            {
                continue; // finished by a fact dated after now: not open yet at now, but no one to chase either
            }

            var overdue = standing.Outcome == DossierOutcome.InProgressOverdue;
            var dueDay = VietnamTime.LocalDate(standing.EffectiveDue);
            int? late = overdue ? Math.Max(0, calendar.CountWorkingDays(dueDay, today)) : null;
            int? left = overdue ? null : Math.Max(0, calendar.CountWorkingDays(today, dueDay));
            var wanted = status switch
            {
                ChaseStatus.Overdue => overdue,
                ChaseStatus.DueSoon => left <= DueSoonWorkingDays,
                _ => true,
            };
            if (wanted)
            {
                matches.Add(new DossierToChase(
                    dossier.Id, receipt.ProcedureCode, receipt.Channel, receipt.ReceivedAt, standing.EffectiveDue, overdue, late, left, dossier.SupplementRequestCount));
            }
        }

        matches.Sort((a, b) => a.DueAt != b.DueAt ? a.DueAt.CompareTo(b.DueAt) : string.CompareOrdinal(a.DossierId, b.DossierId));
        return new ChaseList(matches.Count, matches.Take(limit).ToList());
    }
}
