using GovPulse.Indicators.Scoring;
using static GovPulse.Indicators.Scoring.IndicatorCode;

namespace GovPulse.Indicators.Tests.Scoring;

public sealed class PooledCountsTests
{
    [Fact]
    public void A_parent_s_ratio_is_the_sum_of_counts_not_the_mean_of_its_children_s_ratios()
    {
        IndicatorInput[] smallWard = [ON_TIME_PROCESSING.Counts(9, 10)];
        IndicatorInput[] busyWard = [ON_TIME_PROCESSING.Counts(10, 1_000)];

        var pooled = PooledCounts.Pool([smallWard, busyWard]);

        pooled.Should().Equal(ON_TIME_PROCESSING.Counts(19, 1_010));
        var score = ScorecardScoring.Score(pooled).Indicator(ON_TIME_PROCESSING);
        score.Ratio.Should().Be(1.88m, "19 / 1,010, where the mean of 90% and 1% would be 45.5%");
        score.Points.Should().Be(0.38m);
    }

    [Fact]
    public void The_parent_s_own_counts_pool_with_its_children_s()
    {
        IndicatorInput[] city = [DOSSIER_SYNC.Counts(100, 100), PUBLIC_CONTENT_FULL.Counts(87, 89)];
        IndicatorInput[] ward = [DOSSIER_SYNC.Counts(50, 100)];

        PooledCounts.Pool([city, ward]).Should().Equal(PUBLIC_CONTENT_FULL.Counts(87, 89), DOSSIER_SYNC.Counts(150, 200));
    }

    [Fact]
    public void A_none_means_max_indicator_pools_as_no_data_only_when_every_child_has_none()
    {
        IndicatorInput[] quietWard = [PETITION_ON_TIME.WithoutData()];
        IndicatorInput[] wardWithoutPetitions = [PETITION_ON_TIME.Counts(0, 0)];
        IndicatorInput[] wardWithPetitions = [PETITION_ON_TIME.Counts(3, 5)];

        var allQuiet = ScorecardScoring.Score(PooledCounts.Pool([quietWard, wardWithoutPetitions])).Indicator(PETITION_ON_TIME);
        var oneBusy = ScorecardScoring.Score(PooledCounts.Pool([quietWard, wardWithoutPetitions, wardWithPetitions])).Indicator(PETITION_ON_TIME);

        allQuiet.Should().BeEquivalentTo(new { NoData = true, Points = 6m });
        oneBusy.Should().BeEquivalentTo(new { NoData = false, Numerator = 3m, Denominator = 5m, Points = 3.6m });
    }

    [Fact]
    public void Children_all_without_data_pool_to_no_data()
    {
        PooledCounts.Pool([[ELECTRONIC_CERTIFIED_COPY.WithoutData()], [ELECTRONIC_CERTIFIED_COPY.WithoutData()]])
            .Should().Equal(ELECTRONIC_CERTIFIED_COPY.WithoutData());
    }

    [Fact]
    public void A_child_with_only_one_of_the_two_counts_adds_nothing()
    {
        IndicatorInput[] halfKnown = [new(DOSSIERS_PAID_ONLINE, 7, null)];
        IndicatorInput[] known = [DOSSIERS_PAID_ONLINE.Counts(2, 10)];

        PooledCounts.Pool([halfKnown, known]).Should().Equal(DOSSIERS_PAID_ONLINE.Counts(2, 10));
    }

    [Fact]
    public void An_indicator_no_child_reports_stays_missing_for_the_parent()
    {
        var pooled = PooledCounts.Pool([[ON_TIME_PROCESSING.Counts(1, 2)], [ON_TIME_PROCESSING.Counts(1, 2)]]);

        ScorecardScoring.Score(pooled).Missing.Should().Contain(PETITION_ON_TIME).And.NotContain(ON_TIME_PROCESSING);
    }

    [Fact]
    public void Pooling_one_unit_gives_back_its_own_inputs_in_portal_order()
    {
        PooledCounts.Pool([PublishedProvince.All.Reverse()]).Should().Equal(PublishedProvince.All);
    }

    [Fact]
    public void Scorecard_counts_pool_by_adding_every_figure()
    {
        var ward = new ScorecardCounts(10, 6, FinishedOnTime: 5, FinishedLate: 1, InProgressOnTime: 3, InProgressOverdue: 1, Apologies: 1);
        var other = new ScorecardCounts(5, 5, FinishedOnTime: 5);

        (ward + other).Should().Be(new ScorecardCounts(15, 11, 10, 1, 3, 1, 1));
        (ward + ScorecardCounts.Zero).Should().Be(ward);
    }
}
