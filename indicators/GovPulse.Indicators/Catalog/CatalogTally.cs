using GovPulse.Indicators.Calendar;
using GovPulse.Indicators.Periods;

namespace GovPulse.Indicators.Catalog;

/// <summary>
/// Numerators and denominators of the catalogue indicators (publicity, online procedures, fee
/// integration, population-data procedures) for the procedures a kind of unit handles.
/// Publicity counts come from the whole province's catalogue: every unit of the province shows
/// the same (indicators-766.md §2, PUBLICITY).
/// </summary>
public sealed record CatalogTally
{
    /// <summary>Procedures in publication decisions dated in the period (PUBLISH_ON_TIME denominator).</summary>
    public long PublicationsDecided { get; init; }

    /// <summary>Of those, decided at least 5 working days before their legal basis takes effect.</summary>
    public long PublicationsOnTime { get; init; }

    /// <summary>Procedures made public in the period plus those due to be (PUBLIC_UPDATE_ON_TIME denominator).</summary>
    public long PublicUpdatesDue { get; init; }

    /// <summary>Of those, made public within 5 working days of the decision.</summary>
    public long PublicUpdatesOnTime { get; init; }

    public long Public { get; init; }

    public long PublicComplete { get; init; }

    /// <summary>Procedures the unit handles.</summary>
    public long Procedures { get; init; }

    public long OnlineServices { get; init; }

    public long FeeBearing { get; init; }

    public long FeeIntegrated { get; init; }

    public long PopulationDataConnected { get; init; }

    /// <summary>False when the catalogue says nothing about a fact, so its indicator has no data rather than zero.</summary>
    public bool KnowsPublication { get; init; }

    public bool KnowsContent { get; init; }

    public bool KnowsOnlineLevel { get; init; }

    public bool KnowsFeeIntegration { get; init; }

    public bool KnowsPopulationData { get; init; }

    /// <summary>Working days the rules allow (provinces): decision ≥ 5 before effect; public ≤ 5 after decision.</summary>
    public const int ProvinceWorkingDays = 5;

    public static CatalogTally For(ProcedureCatalog catalog, ProcedureLevel unitLevel, Period period, WorkingDayCalendar calendar)
    {
        var all = catalog.All;
        var handled = all.Where(p => p.HandledAt(unitLevel)).ToList();

        long decided = 0, decidedOnTime = 0, updatesDue = 0, updatesOnTime = 0;
        foreach (var p in all)
        {
            if (p.PublicationDecisionDate is not { } decision)
            {
                continue;
            }

            if (period.FirstDay <= decision && decision <= period.LastDay)
            {
                decided++;
                if (p.LegalBasisEffectiveDate is { } effective && calendar.CountWorkingDays(decision, effective) >= ProvinceWorkingDays)
                {
                    decidedOnTime++;
                }
            }

            var publicBy = calendar.AddWorkingDays(decision, ProvinceWorkingDays);
            var madePublicInPeriod = p.PublicDate is { } shown && period.FirstDay <= shown && shown <= period.LastDay;
            var dueInPeriod = period.FirstDay <= publicBy && publicBy <= period.LastDay;
            if (madePublicInPeriod || dueInPeriod)
            {
                updatesDue++;
                if (p.PublicDate is { } made && made <= publicBy)
                {
                    updatesOnTime++;
                }
            }
        }

        var publicNow = all.Where(p => p.PublicDate is { } d && d <= period.LastDay).ToList();
        return new CatalogTally
        {
            PublicationsDecided = decided,
            PublicationsOnTime = decidedOnTime,
            PublicUpdatesDue = updatesDue,
            PublicUpdatesOnTime = updatesOnTime,
            Public = publicNow.Count,
            PublicComplete = publicNow.Count(p => p.ContentComplete == true),
            Procedures = handled.Count,
            OnlineServices = handled.Count(p => p.IsOnlineService),
            FeeBearing = handled.Count(p => p.IsFeeBearing),
            FeeIntegrated = handled.Count(p => p.IsFeeBearing && p.FeeIntegrated == true),
            PopulationDataConnected = handled.Count(p => p.PopulationDataConnected == true),
            KnowsPublication = all.Any(p => p.PublicationDecisionDate is not null),
            KnowsContent = publicNow.Any(p => p.ContentComplete is not null),
            KnowsOnlineLevel = handled.Any(p => p.OnlineLevel != OnlineLevel.Unknown),
            KnowsFeeIntegration = handled.Any(p => p.IsFeeBearing && p.FeeIntegrated is not null),
            KnowsPopulationData = handled.Any(p => p.PopulationDataConnected is not null),
        };
    }
}
