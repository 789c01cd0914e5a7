using GovPulse.Indicators.Catalog;
using GovPulse.Indicators.Dossiers;
using GovPulse.Indicators.Events;
using GovPulse.Indicators.Periods;
using GovPulse.Indicators.Petitions;
using GovPulse.Indicators.Scoring;

namespace GovPulse.Indicators.Explanations;

/// <summary>
/// Lists what a unit's indicator counted for a period at an evaluation time: the same rules as
/// <see cref="UnitLedger.Tally"/> and <see cref="CatalogTally.For"/>, item by item, so its sums equal
/// the scorecard's numerator and denominator exactly (a property test holds them together).
/// </summary>
/// <remarks>
/// Dossiers and petitions are those received in the period and by the evaluation time, judged at it
/// (a fact dated later has not happened yet); they come in (receipt time, id) order, procedures in
/// code order. Only items in the numerator or the denominator are listed.
/// </remarks>
public static class IndicatorExplainer
{
    public static IndicatorExplanation Explain(
        UnitLedger ledger, ProcedureCatalog catalog, ProcedureLevel level, Period period, DateTimeOffset evaluatedAt, IndicatorCode indicator)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(period);
        var items = indicator switch
        {
            IndicatorCode.PUBLISH_ON_TIME or IndicatorCode.PUBLIC_UPDATE_ON_TIME or IndicatorCode.PUBLIC_CONTENT_FULL
                or IndicatorCode.ONLINE_PROCEDURES or IndicatorCode.FEE_PROCEDURES_INTEGRATED or IndicatorCode.CITIZEN_DATA_PROCEDURES
                => CatalogItems(catalog, level, period, ledger.Calendar, indicator),
            IndicatorCode.ONLINE_SERVICES_WITH_DOSSIERS => OnlineServicesWithDossiers(ledger, catalog, level, period, evaluatedAt),
            IndicatorCode.FEE_PROCEDURES_PAID_ONLINE => FeeProceduresPaidOnline(ledger, period, evaluatedAt),
            IndicatorCode.PETITION_ON_TIME or IndicatorCode.PETITION_SATISFACTION => PetitionItems(ledger, period, evaluatedAt, indicator),
            IndicatorCode.ELECTRONIC_CERTIFIED_COPY => null,
            _ => DossierItems(ledger, period, evaluatedAt, indicator),
        };

        if (items is null)
        {
            return new IndicatorExplanation(indicator, null, null, []);
        }

        decimal numerator = 0m, denominator = 0m;
        foreach (var item in items)
        {
            numerator += item.NumeratorValue;
            denominator += item.InDenominator ? 1 : 0;
        }

        return new IndicatorExplanation(indicator, numerator, denominator, items);
    }

    private static List<ExplainedItem> DossierItems(UnitLedger ledger, Period period, DateTimeOffset evaluatedAt, IndicatorCode indicator)
    {
        var items = new List<ExplainedItem>();
        foreach (var dossier in ReceivedDossiers(ledger, period, evaluatedAt))
        {
            var receipt = dossier.Receipt!;
            var standing = dossier.Judge(evaluatedAt, ledger.Calendar);
            var finished = standing.Outcome.IsFinished();
            var digitized = Dossier.AsOf(dossier.DigitizedAt, evaluatedAt) is not null;
            (bool InDenominator, bool InNumerator, decimal Value, ExplanationRule Rule)? counted = indicator switch
            {
                IndicatorCode.DOSSIER_SYNC => Flag(Dossier.AsOf(dossier.SyncedAt, evaluatedAt) is not null, ExplanationRule.Synced, ExplanationRule.NotSynced),
                IndicatorCode.ON_TIME_PROCESSING => (true, standing.Outcome.IsOnTime(), standing.Outcome.IsOnTime() ? 1m : 0m, TimingRule(dossier, standing, evaluatedAt)),
                IndicatorCode.AVG_PROCESSING_DAYS => finished
                    ? (true, true, standing.ProcessingDays, EndedByRequest(dossier, standing, evaluatedAt) ? ExplanationRule.EndedBySupplementRequest : ExplanationRule.ProcessingDays)
                    : null,
                IndicatorCode.ONLINE_SUBMISSION => Flag(receipt.Channel == Channel.Online, ExplanationRule.ReceivedOnline, ExplanationRule.NotReceivedOnline),
                IndicatorCode.DOSSIERS_PAID_ONLINE => receipt.Fee > 0
                    ? Flag(Dossier.AsOf(dossier.PaidOnlineAt, evaluatedAt) is not null, ExplanationRule.PaidOnline, ExplanationRule.NotPaidOnline)
                    : null,
                IndicatorCode.ELECTRONIC_RESULT => finished && receipt.PaperResult
                    ? Flag(dossier.ElectronicResult && Dossier.AsOf(dossier.ResultReturnedAt, evaluatedAt) is not null, ExplanationRule.ElectronicResultReturned, ExplanationRule.NoElectronicResult)
                    : null,
                IndicatorCode.DOSSIER_DIGITIZED => Flag(digitized, ExplanationRule.Digitized, ExplanationRule.NotDigitized),
                IndicatorCode.DATA_REUSED => Flag(digitized && dossier.ReusedData, ExplanationRule.DataReused, ExplanationRule.DataNotReused),
                IndicatorCode.PERSONAL_STORE_LINKED => Flag(digitized && dossier.PersonalStoreLinked, ExplanationRule.PersonalStoreLinked, ExplanationRule.PersonalStoreNotLinked),
                IndicatorCode.CITIZEN_DATA_DOSSIERS => Flag(receipt.CitizenData, ExplanationRule.CitizenDataUsed, ExplanationRule.CitizenDataNotUsed),
                IndicatorCode.DOSSIER_SATISFACTION => Satisfaction(SatisfactionRule(dossier, standing, evaluatedAt)),
                _ => throw new ArgumentOutOfRangeException(nameof(indicator), indicator, "not a dossier indicator"),
            };

            if (counted is { } c)
            {
                items.Add(new ExplainedItem(
                    ExplainedSubject.Dossier, dossier.Id, receipt.ProcedureCode, receipt.Channel, receipt.ReceivedAt, standing.EffectiveDue,
                    standing.FinishedAt, c.InNumerator, c.InDenominator, c.Value, c.Rule));
            }
        }

        return items;
    }

    private static (bool, bool, decimal, ExplanationRule) Satisfaction(ExplanationRule rule) =>
        Flag(rule == ExplanationRule.Satisfactory, rule, rule);

    private static (bool, bool, decimal, ExplanationRule) Flag(bool yes, ExplanationRule counted, ExplanationRule notCounted) =>
        (true, yes, yes ? 1m : 0m, yes ? counted : notCounted);

    /// <summary>The dossiers the tally counts: received in the period and by the evaluation time, in (receipt time, id) order.</summary>
    private static List<Dossier> ReceivedDossiers(UnitLedger ledger, Period period, DateTimeOffset evaluatedAt)
    {
        var dossiers = ledger.DossiersReceivedIn(period).Where(d => d.Receipt!.ReceivedAt <= evaluatedAt).ToList();
        dossiers.Sort((a, b) => a.Receipt!.ReceivedAt.UtcTicks.CompareTo(b.Receipt!.ReceivedAt.UtcTicks) is var byTime and not 0
            ? byTime
            : string.CompareOrdinal(a.Id, b.Id));
        return dossiers;
    }

    /// <summary>A finished standing with no finishing fact: one supplement request never answered ended the dossier.</summary>
    private static bool EndedByRequest(Dossier dossier, DossierStanding standing, DateTimeOffset evaluatedAt) =>
        standing.Outcome.IsFinished() && dossier.FinishFactBy(evaluatedAt) is null;

    /// <summary>Why a dossier is on time or not (Dossier.Judge's rules, most specific first).</summary>
    private static ExplanationRule TimingRule(Dossier dossier, DossierStanding standing, DateTimeOffset evaluatedAt)
    {
        var requests = dossier.SupplementRequestsBy(evaluatedAt);
        if (requests > 1)
        {
            return ExplanationRule.LateAfterSecondSupplementRequest;
        }

        if (EndedByRequest(dossier, standing, evaluatedAt))
        {
            return ExplanationRule.EndedBySupplementRequest;
        }

        if (requests == 1 && standing.Outcome.IsOnTime())
        {
            return ExplanationRule.SupplementTimeAdded;
        }

        return standing.Outcome switch
        {
            DossierOutcome.FinishedEarly => ExplanationRule.FinishedEarly,
            DossierOutcome.FinishedOnTime => ExplanationRule.FinishedOnDueDate,
            DossierOutcome.FinishedLate => ExplanationRule.FinishedLate,
            DossierOutcome.InProgressOnTime => ExplanationRule.InProgressOnTime,
            _ => ExplanationRule.InProgressOverdue,
        };
    }

    /// <summary>Unsatisfactory when overdue (finished late or in progress overdue), or rated dissatisfied or with a complaint by the evaluation time.</summary>
    private static ExplanationRule SatisfactionRule(Dossier dossier, DossierStanding standing, DateTimeOffset evaluatedAt)
    {
        if (standing.Outcome is DossierOutcome.FinishedLate or DossierOutcome.InProgressOverdue)
        {
            return ExplanationRule.OverdueUnsatisfactory;
        }

        var rated = Dossier.AsOf(dossier.RatedAt, evaluatedAt) is not null;
        return rated && dossier.Complaint ? ExplanationRule.Complaint
            : rated && dossier.Rating == Rating.Dissatisfied ? ExplanationRule.RatedDissatisfied
            : ExplanationRule.Satisfactory;
    }

    private static List<ExplainedItem> PetitionItems(UnitLedger ledger, Period period, DateTimeOffset evaluatedAt, IndicatorCode indicator)
    {
        var petitions = ledger.PetitionsReceivedIn(period).Where(p => p.ReceivedAt <= evaluatedAt).ToList();
        petitions.Sort((a, b) => a.ReceivedAt!.Value.UtcTicks.CompareTo(b.ReceivedAt!.Value.UtcTicks) is var byTime and not 0
            ? byTime
            : string.CompareOrdinal(a.Id, b.Id));
        var items = new List<ExplainedItem>(petitions.Count);
        foreach (var petition in petitions)
        {
            var onTime = petition.IsOnTime(evaluatedAt);
            var resolved = Dossier.AsOf(petition.ResolvedAt, evaluatedAt);
            var rule = indicator == IndicatorCode.PETITION_ON_TIME
                ? resolved is not null
                    ? onTime ? ExplanationRule.PetitionResolvedOnTime : ExplanationRule.PetitionResolvedLate
                    : onTime ? ExplanationRule.PetitionOpenOnTime : ExplanationRule.PetitionOpenOverdue
                : SatisfactionRule(petition, onTime, evaluatedAt);
            var counted = indicator == IndicatorCode.PETITION_ON_TIME ? onTime : petition.IsSatisfactory(evaluatedAt);
            items.Add(new ExplainedItem(
                ExplainedSubject.Petition, petition.Id, null, null, petition.ReceivedAt, petition.DueAt, resolved, counted, true, counted ? 1m : 0m, rule));
        }

        return items;
    }

    private static ExplanationRule SatisfactionRule(Petition petition, bool onTime, DateTimeOffset evaluatedAt)
    {
        var rated = petition.RatedAt <= evaluatedAt;
        return !onTime ? ExplanationRule.PetitionHandledLate
            : rated && petition.RepeatComplaint ? ExplanationRule.PetitionRepeatComplaint
            : rated && !petition.Satisfied ? ExplanationRule.PetitionRatedNotSatisfied
            : ExplanationRule.PetitionSatisfactory;
    }

    /// <summary>The distinct procedure codes of the counted dossiers that have at least one dossier matching <paramref name="test"/>.</summary>
    private static SortedSet<string> ProceduresWith(UnitLedger ledger, Period period, DateTimeOffset evaluatedAt, Func<Dossier, bool> test)
    {
        var codes = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var dossier in ReceivedDossiers(ledger, period, evaluatedAt))
        {
            if (test(dossier))
            {
                codes.Add(dossier.Receipt!.ProcedureCode);
            }
        }

        return codes;
    }

    private static List<ExplainedItem> FeeProceduresPaidOnline(UnitLedger ledger, Period period, DateTimeOffset evaluatedAt)
    {
        var withFees = ProceduresWith(ledger, period, evaluatedAt, d => d.Receipt!.Fee > 0);
        var paidOnline = ProceduresWith(ledger, period, evaluatedAt, d => d.Receipt!.Fee > 0 && Dossier.AsOf(d.PaidOnlineAt, evaluatedAt) is not null);
        return withFees
            .Select(code => paidOnline.Contains(code)
                ? ProcedureItem(code, true, true, ExplanationRule.FeeProcedurePaidOnline)
                : ProcedureItem(code, true, false, ExplanationRule.FeeProcedureNotPaidOnline))
            .ToList();
    }

    /// <summary>
    /// The scorecard counts min(procedures with online dossiers, online services) over the online
    /// services: online services with online dossiers count first; procedures with online dossiers
    /// that the catalogue does not list as the unit's online services fill the rest, in code order,
    /// until the numerator reaches the number of online services; any beyond are listed uncounted.
    /// </summary>
    private static List<ExplainedItem>? OnlineServicesWithDossiers(UnitLedger ledger, ProcedureCatalog catalog, ProcedureLevel level, Period period, DateTimeOffset evaluatedAt)
    {
        var services = catalog.All.Where(p => p.HandledAt(level) && p.IsOnlineService).ToList();
        if (!catalog.All.Any(p => p.HandledAt(level) && p.OnlineLevel != OnlineLevel.Unknown))
        {
            return null;
        }

        var withOnline = ProceduresWith(ledger, period, evaluatedAt, d => d.Receipt!.Channel == Channel.Online);
        var budget = Math.Min(withOnline.Count, services.Count);
        var used = new HashSet<string>(StringComparer.Ordinal);
        var items = new List<ExplainedItem>();
        foreach (var service in services.OrderBy(p => p.Code, StringComparer.Ordinal))
        {
            var counts = withOnline.Contains(service.Code) && used.Add(service.Code);
            budget -= counts ? 1 : 0;
            items.Add(ProcedureItem(service.Code, true, counts, counts ? ExplanationRule.OnlineServiceWithOnlineDossiers : ExplanationRule.OnlineServiceWithoutOnlineDossiers));
        }

        foreach (var code in withOnline)
        {
            if (used.Contains(code))
            {
                continue;
            }

            var counts = budget > 0;
            budget -= counts ? 1 : 0;
            items.Add(ProcedureItem(code, false, counts, counts ? ExplanationRule.OnlineDossiersOfOtherProcedure : ExplanationRule.OnlineDossiersBeyondOnlineServices));
        }

        return items;
    }

    /// <summary>The catalogue indicators, procedure by procedure, as <see cref="CatalogTally.For"/> counts them.</summary>
    private static List<ExplainedItem>? CatalogItems(ProcedureCatalog catalog, ProcedureLevel level, Period period, Calendar.WorkingDayCalendar calendar, IndicatorCode indicator)
    {
        var all = catalog.All.OrderBy(p => p.Code, StringComparer.Ordinal).ToList();
        var handled = all.Where(p => p.HandledAt(level)).ToList();
        var publicNow = all.Where(p => p.PublicDate is { } d && d <= period.LastDay).ToList();
        var items = new List<ExplainedItem>();
        switch (indicator)
        {
            case IndicatorCode.PUBLISH_ON_TIME:
                if (!all.Any(p => p.PublicationDecisionDate is not null))
                {
                    return null;
                }

                foreach (var p in all)
                {
                    if (p.PublicationDecisionDate is { } decision && period.FirstDay <= decision && decision <= period.LastDay)
                    {
                        var onTime = p.LegalBasisEffectiveDate is { } effective && calendar.CountWorkingDays(decision, effective) >= CatalogTally.ProvinceWorkingDays;
                        items.Add(ProcedureItem(p.Code, true, onTime, onTime ? ExplanationRule.PublicationDecidedOnTime : ExplanationRule.PublicationDecidedLate));
                    }
                }

                return items;
            case IndicatorCode.PUBLIC_UPDATE_ON_TIME:
                if (!all.Any(p => p.PublicationDecisionDate is not null))
                {
                    return null;
                }

                foreach (var p in all)
                {
                    if (p.PublicationDecisionDate is not { } decision)
                    {
                        continue;
                    }

                    var publicBy = calendar.AddWorkingDays(decision, CatalogTally.ProvinceWorkingDays);
                    var madePublicInPeriod = p.PublicDate is { } shown && period.FirstDay <= shown && shown <= period.LastDay;
                    var dueInPeriod = period.FirstDay <= publicBy && publicBy <= period.LastDay;
                    if (madePublicInPeriod || dueInPeriod)
                    {
                        var onTime = p.PublicDate is { } made && made <= publicBy;
                        items.Add(ProcedureItem(p.Code, true, onTime, onTime ? ExplanationRule.MadePublicOnTime : ExplanationRule.MadePublicLate));
                    }
                }

                return items;
            case IndicatorCode.PUBLIC_CONTENT_FULL:
                return !publicNow.Any(p => p.ContentComplete is not null)
                    ? null
                    : publicNow.Select(p => Catalogued(p.Code, p.ContentComplete == true, ExplanationRule.PublicContentFull, ExplanationRule.PublicContentIncomplete)).ToList();
            case IndicatorCode.ONLINE_PROCEDURES:
                return !handled.Any(p => p.OnlineLevel != OnlineLevel.Unknown)
                    ? null
                    : handled.Select(p => Catalogued(p.Code, p.IsOnlineService, ExplanationRule.ProcedureOnline, ExplanationRule.ProcedureNotOnline)).ToList();
            case IndicatorCode.FEE_PROCEDURES_INTEGRATED:
                return !handled.Any(p => p.IsFeeBearing && p.FeeIntegrated is not null)
                    ? null
                    : handled.Where(p => p.IsFeeBearing)
                        .Select(p => Catalogued(p.Code, p.FeeIntegrated == true, ExplanationRule.FeeIntegrated, ExplanationRule.FeeNotIntegrated)).ToList();
            default:
                return !handled.Any(p => p.PopulationDataConnected is not null)
                    ? null
                    : handled.Select(p => Catalogued(p.Code, p.PopulationDataConnected == true, ExplanationRule.PopulationDataConnected, ExplanationRule.PopulationDataNotConnected)).ToList();
        }
    }

    private static ExplainedItem Catalogued(string code, bool yes, ExplanationRule counted, ExplanationRule notCounted) =>
        ProcedureItem(code, true, yes, yes ? counted : notCounted);

    private static ExplainedItem ProcedureItem(string code, bool inDenominator, bool inNumerator, ExplanationRule rule) =>
        new(ExplainedSubject.Procedure, code, code, null, null, null, null, inNumerator, inDenominator, inNumerator ? 1m : 0m, rule);
}
