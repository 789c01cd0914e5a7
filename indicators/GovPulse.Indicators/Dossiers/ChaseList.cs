using GovPulse.Indicators.Periods;

namespace GovPulse.Indicators.Dossiers;

/// <summary>
/// One page of a unit's open dossiers to chase, most urgent (earliest due) first, with the counts of
/// every status: all taken from one pass over the open dossiers at <see cref="AsOf"/>, so each count
/// is exactly the length of that status's full list.
/// </summary>
/// <param name="Total">How many dossiers <see cref="Status"/> lists in all (its count).</param>
/// <param name="Offset">How many of them come before this page.</param>
/// <param name="MostUrgentDue">The due time of the first dossier of the full list; null when it is empty.</param>
public sealed record ChaseList(
    ChaseStatus Status,
    DateTimeOffset AsOf,
    ChaseCounts Counts,
    int Total,
    int Offset,
    DateTimeOffset? MostUrgentDue,
    IReadOnlyList<DossierToChase> Dossiers)
{
    /// <summary>"Due soon" means due within this many working days (today included as 0).</summary>
    public const int DueSoonWorkingDays = 2;

    /// <summary>The first <paramref name="limit"/> open dossiers of <paramref name="ledger"/> with <paramref name="status"/> at <paramref name="now"/>.</summary>
    public static ChaseList Of(UnitLedger ledger, ChaseStatus status, DateTimeOffset now, int limit) => Of(ledger, status, now, 0, limit);

    /// <summary>
    /// The open dossiers of <paramref name="ledger"/> with <paramref name="status"/> at <paramref name="now"/>,
    /// <paramref name="limit"/> of them after the first <paramref name="offset"/> (a page past the end is empty).
    /// </summary>
    public static ChaseList Of(UnitLedger ledger, ChaseStatus status, DateTimeOffset now, int offset, int limit)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        var calendar = ledger.Calendar;
        var today = VietnamTime.LocalDate(now);
        var matches = new List<DossierToChase>();
        int overdueCount = 0, dueSoonCount = 0, openCount = 0;
        foreach (var dossier in ledger.OpenDossiers)
        {
            var receipt = dossier.Receipt!;
            var standing = dossier.Judge(now, calendar);
            if (standing.Outcome.IsFinished())
            {
                continue; // finished by a fact dated after now (or ended by an unanswered request): no one to chase
            }

            var due = standing.EffectiveDue;
            var dueDay = VietnamTime.LocalDate(due);
            OverdueReason? reason = standing.Outcome != DossierOutcome.InProgressOverdue ? null
                : due <= now ? OverdueReason.DuePassed
                : OverdueReason.SecondSupplementRequest;
            int? late = reason is null ? null : Math.Max(0, calendar.CountWorkingDays(dueDay, today));
            int? left = reason is null ? Math.Max(0, calendar.CountWorkingDays(today, dueDay)) : null;
            var dueSoon = left <= DueSoonWorkingDays;
            openCount++;
            overdueCount += reason is null ? 0 : 1;
            dueSoonCount += dueSoon ? 1 : 0;
            var wanted = status switch
            {
                ChaseStatus.Overdue => reason is not null,
                ChaseStatus.DueSoon => dueSoon,
                _ => true,
            };
            if (wanted)
            {
                matches.Add(new DossierToChase(
                    dossier.Id, receipt.ProcedureCode, receipt.Channel, receipt.ReceivedAt, due, reason,
                    reason == OverdueReason.DuePassed ? due : null, late, left, dossier.SupplementRequestCount));
            }
        }

        matches.Sort((a, b) => a.DueAt != b.DueAt ? a.DueAt.CompareTo(b.DueAt) : string.CompareOrdinal(a.DossierId, b.DossierId));
        var page = offset >= matches.Count ? [] : matches.GetRange(offset, Math.Min(limit, matches.Count - offset));
        return new ChaseList(
            status, now, new ChaseCounts(overdueCount, dueSoonCount, openCount), matches.Count, offset,
            matches.Count > 0 ? matches[0].DueAt : null, page);
    }
}
