using GovPulse.Indicators.Calendar;
using GovPulse.Indicators.Catalog;
using GovPulse.Indicators.Dossiers;
using GovPulse.Indicators.Evaluation;
using GovPulse.Indicators.Periods;
using GovPulse.Indicators.Scoring;
using GovPulse.Indicators.Units;

namespace GovPulse.Indicators.Tests.Evaluation;

public sealed class UnitEvaluationTests
{
    private static readonly Period September = Period.Month(2026, 9);
    private static readonly CatalogTally ReferenceCatalog =
        CatalogTally.For(ProcedureCatalog.Reference, ProcedureLevel.Commune, September, WorkingDayCalendar.Vietnam);

    [Fact]
    public void Every_indicator_of_the_spec_gets_an_input()
    {
        var figures = UnitEvaluation.Figures(DossierTally.Zero with { Received = 10, Synced = 9 }, ReferenceCatalog);

        figures.Inputs.Select(i => i.Code).Should().BeEquivalentTo(IndicatorCatalog.Indicators.Select(d => d.Code));
        figures.Inputs.Single(i => i.Code == IndicatorCode.DOSSIER_SYNC).Should().Be(new IndicatorInput(IndicatorCode.DOSSIER_SYNC, 9, 10));
    }

    [Fact]
    public void Facts_the_catalogue_does_not_know_have_no_data_instead_of_zero()
    {
        var figures = UnitEvaluation.Figures(DossierTally.Zero, ReferenceCatalog);

        figures.Inputs.Single(i => i.Code == IndicatorCode.PUBLISH_ON_TIME).Should().Be(IndicatorInput.NoData(IndicatorCode.PUBLISH_ON_TIME));
        figures.Inputs.Single(i => i.Code == IndicatorCode.ELECTRONIC_CERTIFIED_COPY).Numerator.Should().BeNull();
        ScorecardScoring.Score(figures.Inputs).Indicator(IndicatorCode.ELECTRONIC_CERTIFIED_COPY).Points.Should().Be(2m);
    }

    [Fact]
    public void A_dossier_is_satisfactory_unless_rated_badly_complained_about_or_overdue()
    {
        var figures = UnitEvaluation.Figures(DossierTally.Zero with { Received = 100, Unsatisfactory = 12 }, ReferenceCatalog);

        figures.Inputs.Single(i => i.Code == IndicatorCode.DOSSIER_SATISFACTION).Should().Be(new IndicatorInput(IndicatorCode.DOSSIER_SATISFACTION, 88, 100));
    }

    [Fact]
    public void The_city_pools_sums_of_counts_and_takes_province_wide_publicity_once()
    {
        var ward = UnitEvaluation.Figures(DossierTally.Zero with { Received = 100, FinishedEarly = 90, InProgressOverdue = 10 }, WithPublications(3, 4));
        var department = UnitEvaluation.Figures(DossierTally.Zero with { Received = 10, FinishedLate = 10 }, WithPublications(3, 4));

        var city = UnitEvaluation.Pool([ward, department, ward], ward);

        city.Inputs.Single(i => i.Code == IndicatorCode.ON_TIME_PROCESSING).Should().Be(new IndicatorInput(IndicatorCode.ON_TIME_PROCESSING, 180, 210));
        city.Inputs.Single(i => i.Code == IndicatorCode.PUBLISH_ON_TIME).Should().Be(new IndicatorInput(IndicatorCode.PUBLISH_ON_TIME, 3, 4));
        city.Counts.Received.Should().Be(210);
        city.Counts.InProgressOverdue.Should().Be(20);
    }

    [Fact]
    public void A_scorecard_carries_the_units_name_period_and_score()
    {
        var unit = UnitDirectory.HoChiMinhCity.Find("26737")!;
        var figures = UnitEvaluation.Figures(DossierTally.Zero with { Received = 597_918, FinishedEarly = 528_684 }, ReferenceCatalog);

        var scorecard = UnitEvaluation.Scorecard(unit, "2026-09", September.End, figures);

        scorecard.Name.Should().Be("Phường Tân Định");
        scorecard.Groups.Single(g => g.Code == GroupCode.PROGRESS).Score.Should().Be(17.68m);
        scorecard.Total.Should().Be(scorecard.Groups.Sum(g => g.Score));
        scorecard.Band.Should().NotBeNull();
    }

    private static CatalogTally WithPublications(long onTime, long decided) =>
        ReferenceCatalog with { PublicationsOnTime = onTime, PublicationsDecided = decided, KnowsPublication = true };
}
