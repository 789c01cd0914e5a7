using GovPulse.Indicators.Catalog;
using GovPulse.Indicators.Dossiers;
using GovPulse.Indicators.Scoring;
using GovPulse.Indicators.Units;

namespace GovPulse.Indicators.Evaluation;

/// <summary>
/// Turns a unit's tallies into the 22 indicator inputs of Decision 766 and its scorecard, and
/// pools units into a parent. Where the catalogue says nothing about a fact, the indicator has
/// no data (numerator and denominator null) rather than a made-up zero.
/// </summary>
public static class UnitEvaluation
{
    /// <summary>Province-level catalogue indicators: the same for every unit of the province, so taken once when pooling.</summary>
    public static IReadOnlySet<IndicatorCode> ProvinceWide { get; } = new HashSet<IndicatorCode>
    {
        IndicatorCode.PUBLISH_ON_TIME,
        IndicatorCode.PUBLIC_UPDATE_ON_TIME,
        IndicatorCode.PUBLIC_CONTENT_FULL,
    };

    public static ProcedureLevel LevelOf(UnitKind kind) => kind switch
    {
        UnitKind.Commune => ProcedureLevel.Commune,
        UnitKind.Department => ProcedureLevel.Province,
        _ => ProcedureLevel.Both,
    };

    public static UnitFigures Figures(DossierTally d, CatalogTally c)
    {
        ArgumentNullException.ThrowIfNull(d);
        ArgumentNullException.ThrowIfNull(c);
        IndicatorInput Of(IndicatorCode code, decimal numerator, decimal denominator, bool known = true) =>
            known ? new IndicatorInput(code, numerator, denominator) : IndicatorInput.NoData(code);

        var inputs = new List<IndicatorInput>
        {
            Of(IndicatorCode.PUBLISH_ON_TIME, c.PublicationsOnTime, c.PublicationsDecided, c.KnowsPublication),
            Of(IndicatorCode.PUBLIC_UPDATE_ON_TIME, c.PublicUpdatesOnTime, c.PublicUpdatesDue, c.KnowsPublication),
            Of(IndicatorCode.PUBLIC_CONTENT_FULL, c.PublicComplete, c.Public, c.KnowsContent),
            Of(IndicatorCode.DOSSIER_SYNC, d.Synced, d.Received),
            Of(IndicatorCode.ON_TIME_PROCESSING, d.OnTime, d.Received),
            Of(IndicatorCode.AVG_PROCESSING_DAYS, d.ProcessingDays, d.Finished),
            Of(IndicatorCode.ONLINE_PROCEDURES, c.OnlineServices, c.Procedures, c.KnowsOnlineLevel),
            Of(IndicatorCode.ONLINE_SERVICES_WITH_DOSSIERS, Math.Min(d.ProceduresWithOnlineDossiers, c.OnlineServices), c.OnlineServices, c.KnowsOnlineLevel),
            Of(IndicatorCode.ONLINE_SUBMISSION, d.ReceivedOnline, d.Received),
            Of(IndicatorCode.FEE_PROCEDURES_INTEGRATED, c.FeeIntegrated, c.FeeBearing, c.KnowsFeeIntegration),
            Of(IndicatorCode.FEE_PROCEDURES_PAID_ONLINE, d.FeeProceduresPaidOnline, d.FeeProceduresWithDossiers),
            Of(IndicatorCode.DOSSIERS_PAID_ONLINE, d.FeeDossiersPaidOnline, d.FeeDossiers),
            Of(IndicatorCode.ELECTRONIC_RESULT, d.ElectronicResultOfPaper, d.PaperResultFinished),
            Of(IndicatorCode.DOSSIER_DIGITIZED, d.Digitized, d.Received),
            Of(IndicatorCode.DATA_REUSED, d.ReusedData, d.Received),
            Of(IndicatorCode.PERSONAL_STORE_LINKED, d.PersonalStoreLinked, d.Received),
            Of(IndicatorCode.CITIZEN_DATA_DOSSIERS, d.CitizenData, d.Received),
            Of(IndicatorCode.CITIZEN_DATA_PROCEDURES, c.PopulationDataConnected, c.Procedures, c.KnowsPopulationData),
            // The portal publishes no counts for electronic certified copies and gives every unit full points.
            IndicatorInput.NoData(IndicatorCode.ELECTRONIC_CERTIFIED_COPY),
            Of(IndicatorCode.PETITION_ON_TIME, d.PetitionsOnTime, d.Petitions),
            Of(IndicatorCode.PETITION_SATISFACTION, d.PetitionsSatisfactory, d.Petitions),
            Of(IndicatorCode.DOSSIER_SATISFACTION, d.Received - d.Unsatisfactory, d.Received),
        };

        var counts = new ScorecardCounts(
            d.Received, d.Finished, d.FinishedOnTime, d.FinishedLate, d.InProgressOnTime, d.InProgressOverdue, d.Apologies);
        return new UnitFigures(inputs, counts);
    }

    /// <summary>
    /// A parent's figures: sums of its units' numerators and denominators (never an average of
    /// ratios), except the province-wide publicity indicators, which are taken once from the
    /// province's own figures.
    /// </summary>
    public static UnitFigures Pool(IEnumerable<UnitFigures> units, UnitFigures provinceOwn)
    {
        ArgumentNullException.ThrowIfNull(provinceOwn);
        var list = units.ToList();
        var pooled = PooledCounts.Pool(list.Select(u => u.Inputs.Where(i => !ProvinceWide.Contains(i.Code))))
            .Concat(provinceOwn.Inputs.Where(i => ProvinceWide.Contains(i.Code)))
            .OrderBy(i => i.Code)
            .ToList();
        var counts = list.Aggregate(ScorecardCounts.Zero, (sum, u) => sum + u.Counts);
        return new UnitFigures(pooled, counts);
    }

    public static Scorecard Scorecard(Unit unit, string periodLabel, DateTimeOffset evaluatedAt, UnitFigures figures, BandThresholds? bands = null)
    {
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(figures);
        return new Scorecard(unit.Code, unit.Name, periodLabel, evaluatedAt, figures.Counts)
            .WithScore(ScorecardScoring.Score(figures.Inputs, bands));
    }
}
