using GovPulse.Indicators.Calendar;
using GovPulse.Indicators.Events;
using GovPulse.Indicators.Periods;
using GovPulse.Indicators.Petitions;

namespace GovPulse.Indicators.Dossiers;

/// <summary>
/// A unit's dossiers and petitions, built from its events in any order and multiplicity, and
/// the tally they give for any period at any evaluation time. Dossiers are indexed by the local
/// month of their receipt so a period only visits its own months, and open dossiers are kept
/// apart so the next moment one turns overdue is cheap to find.
/// </summary>
public sealed class UnitLedger(WorkingDayCalendar calendar)
{
    private readonly Dictionary<string, Dossier> _dossiers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Petition> _petitions = new(StringComparer.Ordinal);
    private readonly Dictionary<int, List<Dossier>> _byReceiptMonth = [];
    private readonly Dictionary<Dossier, int> _monthOf = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<Dossier> _open = new(ReferenceEqualityComparer.Instance);

    public WorkingDayCalendar Calendar { get; } = calendar;

    public int DossierCount => _dossiers.Count;

    public int PetitionCount => _petitions.Count;

    /// <summary>Applies one event; returns true when it changed the ledger.</summary>
    public bool Apply(UnitEvent e)
    {
        if (e.Type.IsPetitionEvent())
        {
            if (string.IsNullOrEmpty(e.PetitionId))
            {
                return false;
            }

            if (!_petitions.TryGetValue(e.PetitionId, out var petition))
            {
                petition = new Petition(e.PetitionId);
                _petitions.Add(e.PetitionId, petition);
            }

            return petition.Apply(e);
        }

        if (string.IsNullOrEmpty(e.DossierId))
        {
            return false;
        }

        if (!_dossiers.TryGetValue(e.DossierId, out var dossier))
        {
            dossier = new Dossier(e.DossierId);
            _dossiers.Add(e.DossierId, dossier);
        }

        if (!dossier.Apply(e))
        {
            return false;
        }

        Index(dossier);
        return true;
    }

    public Dossier? Find(string dossierId) => _dossiers.GetValueOrDefault(dossierId);

    /// <summary>The unit's tally for dossiers and petitions received in the period, judged at <paramref name="evaluatedAt"/>.</summary>
    public DossierTally Tally(Period period, DateTimeOffset evaluatedAt)
    {
        long received = 0, early = 0, onDueDate = 0, late = 0, openOnTime = 0, openOverdue = 0, apologies = 0;
        long synced = 0, online = 0, feeDossiers = 0, feePaidOnline = 0, paperFinished = 0, electronic = 0;
        long digitized = 0, reused = 0, linked = 0, citizenData = 0, unsatisfactory = 0;
        var processingDays = 0m;
        HashSet<string>? onlineProcedures = null, feeProcedures = null, feeProceduresPaidOnline = null;
        var from = period.Start;
        var to = period.End;

        for (var month = MonthKey(VietnamTime.LocalDate(from)); month <= MonthKey(period.LastDay); month++)
        {
            if (!_byReceiptMonth.TryGetValue(month, out var dossiers))
            {
                continue;
            }

            foreach (var dossier in dossiers)
            {
                var receipt = dossier.Receipt!;
                if (receipt.ReceivedAt < from || receipt.ReceivedAt >= to || receipt.ReceivedAt > evaluatedAt)
                {
                    continue;
                }

                received++;
                var standing = dossier.Judge(evaluatedAt, Calendar);
                switch (standing.Outcome)
                {
                    case DossierOutcome.FinishedEarly: early++; break;
                    case DossierOutcome.FinishedOnTime: onDueDate++; break;
                    case DossierOutcome.FinishedLate: late++; break;
                    case DossierOutcome.InProgressOnTime: openOnTime++; break;
                    default: openOverdue++; break;
                }

                var finished = standing.Outcome.IsFinished();
                if (finished)
                {
                    processingDays += standing.ProcessingDays;
                }

                apologies += dossier.ApologiesUntil(evaluatedAt);
                if (Dossier.AsOf(dossier.SyncedAt, evaluatedAt) is not null)
                {
                    synced++;
                }

                if (receipt.Channel == Channel.Online)
                {
                    online++;
                    (onlineProcedures ??= new(StringComparer.Ordinal)).Add(receipt.ProcedureCode);
                }

                if (receipt.Fee > 0)
                {
                    feeDossiers++;
                    (feeProcedures ??= new(StringComparer.Ordinal)).Add(receipt.ProcedureCode);
                    if (Dossier.AsOf(dossier.PaidOnlineAt, evaluatedAt) is not null)
                    {
                        feePaidOnline++;
                        (feeProceduresPaidOnline ??= new(StringComparer.Ordinal)).Add(receipt.ProcedureCode);
                    }
                }

                if (finished && receipt.PaperResult)
                {
                    paperFinished++;
                    if (dossier.ElectronicResult && Dossier.AsOf(dossier.ResultReturnedAt, evaluatedAt) is not null)
                    {
                        electronic++;
                    }
                }

                if (Dossier.AsOf(dossier.DigitizedAt, evaluatedAt) is not null)
                {
                    digitized++;
                    reused += dossier.ReusedData ? 1 : 0;
                    linked += dossier.PersonalStoreLinked ? 1 : 0;
                }

                citizenData += receipt.CitizenData ? 1 : 0;
                var rated = Dossier.AsOf(dossier.RatedAt, evaluatedAt) is not null;
                if (standing.Outcome is DossierOutcome.FinishedLate or DossierOutcome.InProgressOverdue
                    || (rated && (dossier.Rating == Rating.Dissatisfied || dossier.Complaint)))
                {
                    unsatisfactory++;
                }
            }
        }

        long petitions = 0, petitionsOnTime = 0, petitionsSatisfactory = 0;
        foreach (var petition in _petitions.Values)
        {
            if (petition.ReceivedAt is not { } at || at < from || at >= to || at > evaluatedAt)
            {
                continue;
            }

            petitions++;
            petitionsOnTime += petition.IsOnTime(evaluatedAt) ? 1 : 0;
            petitionsSatisfactory += petition.IsSatisfactory(evaluatedAt) ? 1 : 0;
        }

        return new DossierTally
        {
            Received = received,
            FinishedEarly = early,
            FinishedOnDueDate = onDueDate,
            FinishedLate = late,
            InProgressOnTime = openOnTime,
            InProgressOverdue = openOverdue,
            Apologies = apologies,
            ProcessingDays = processingDays,
            Synced = synced,
            ReceivedOnline = online,
            ProceduresWithOnlineDossiers = onlineProcedures?.Count ?? 0,
            FeeDossiers = feeDossiers,
            FeeDossiersPaidOnline = feePaidOnline,
            FeeProceduresWithDossiers = feeProcedures?.Count ?? 0,
            FeeProceduresPaidOnline = feeProceduresPaidOnline?.Count ?? 0,
            PaperResultFinished = paperFinished,
            ElectronicResultOfPaper = electronic,
            Digitized = digitized,
            ReusedData = reused,
            PersonalStoreLinked = linked,
            CitizenData = citizenData,
            Unsatisfactory = unsatisfactory,
            Petitions = petitions,
            PetitionsOnTime = petitionsOnTime,
            PetitionsSatisfactory = petitionsSatisfactory,
        };
    }

    /// <summary>The next moment after <paramref name="now"/> at which an open dossier turns overdue, if any.</summary>
    public DateTimeOffset? NextTurnOverdue(DateTimeOffset now)
    {
        DateTimeOffset? next = null;
        foreach (var dossier in _open)
        {
            if (dossier.TurnsOverdueAt(now, Calendar) is { } due && (next is null || due < next))
            {
                next = due;
            }
        }

        return next;
    }

    private void Index(Dossier dossier)
    {
        if (dossier.Receipt is not { } receipt)
        {
            return;
        }

        var month = MonthKey(VietnamTime.LocalDate(receipt.ReceivedAt));
        if (!_monthOf.TryGetValue(dossier, out var indexed) || indexed != month)
        {
            if (_monthOf.ContainsKey(dossier))
            {
                _byReceiptMonth[indexed].Remove(dossier);
            }

            if (!_byReceiptMonth.TryGetValue(month, out var list))
            {
                _byReceiptMonth[month] = list = [];
            }

            list.Add(dossier);
            _monthOf[dossier] = month;
        }

        // Open = no finishing fact at all yet; a dossier that finishes later leaves the set.
        if (dossier.CompletedAt is null && dossier.ResultReturnedAt is null && dossier.RefusedAt is null && dossier.WithdrawnAt is null)
        {
            _open.Add(dossier);
        }
        else
        {
            _open.Remove(dossier);
        }
    }

    private static int MonthKey(DateOnly day) => (day.Year * 12) + day.Month - 1;
}
