using GovPulse.Indicators.Scoring;
using static GovPulse.Indicators.Scoring.IndicatorCode;

namespace GovPulse.Indicators.Tests.Scoring;

public sealed class IndicatorScoringTests
{
    [Theory]
    [InlineData(PETITION_ON_TIME, 6)]
    [InlineData(PETITION_SATISFACTION, 6)]
    [InlineData(ELECTRONIC_CERTIFIED_COPY, 2)]
    public void A_none_means_max_indicator_without_data_earns_its_max_and_says_no_data(IndicatorCode code, decimal max)
    {
        var score = code.ScoredFrom(null, null);

        score.Points.Should().Be(max);
        score.Ratio.Should().Be(0m);
        score.NoData.Should().BeTrue();
    }

    [Fact]
    public void A_unit_with_no_petitions_at_all_earns_6_on_each_petition_indicator()
    {
        PETITION_ON_TIME.ScoredFrom(0, 0).Should().BeEquivalentTo(new { Points = 6m, Ratio = 0m, NoData = true });
        PETITION_SATISFACTION.ScoredFrom(0, 0).Should().BeEquivalentTo(new { Points = 6m, Ratio = 0m, NoData = true });
    }

    [Fact]
    public void Payment_of_0_over_0_scores_0_with_a_ratio_of_0_and_says_no_data()
    {
        var score = DOSSIERS_PAID_ONLINE.ScoredFrom(0, 0);

        score.Should().Be(new IndicatorScore(DOSSIERS_PAID_ONLINE, 0m, 0m, 0m, 0m, 6m, NoData: true));
    }

    [Fact]
    public void Zero_out_of_some_is_a_real_zero_not_no_data()
    {
        var score = DOSSIERS_PAID_ONLINE.ScoredFrom(0, 40);

        score.Points.Should().Be(0m);
        score.NoData.Should().BeFalse();
    }

    [Theory]
    [InlineData(null, 100)]
    [InlineData(5, null)]
    [InlineData(5, -10)]
    public void An_unknown_count_or_a_denominator_below_one_is_no_data(int? numerator, int? denominator)
    {
        var score = ON_TIME_PROCESSING.ScoredFrom(numerator, denominator);

        score.NoData.Should().BeTrue();
        score.Points.Should().Be(0m);
        score.Ratio.Should().Be(0m);
    }

    [Fact]
    public void Points_exactly_halfway_round_away_from_zero_not_to_even()
    {
        // 20 × 1/160 = 0.125 exactly: banker's rounding would give 0.12.
        var score = ON_TIME_PROCESSING.ScoredFrom(1, 160);

        score.Points.Should().Be(0.13m);
        score.Ratio.Should().Be(0.63m, "0.625% is halfway too");
    }

    [Fact]
    public void A_ratio_exactly_halfway_rounds_away_from_zero()
    {
        // 2,469 / 20,000 = 12.345%; 20 × 0.12345 = 2.469.
        var score = ON_TIME_PROCESSING.ScoredFrom(2_469, 20_000);

        score.Ratio.Should().Be(12.35m);
        score.Points.Should().Be(2.47m);
    }

    [Fact]
    public void A_halfway_value_behind_a_repeating_ratio_still_rounds_away_from_zero()
    {
        // 7 / 1,200 = 0.0058333…; 6 × 7 / 1,200 = 0.035 exactly. Dividing first would cut the ratio at
        // 28 digits and land on 0.03499…, which rounds to 0.03.
        DOSSIER_SYNC.ScoredFrom(7, 1_200).Points.Should().Be(0.04m);
    }

    [Fact]
    public void A_threshold_halfway_value_rounds_away_from_zero()
    {
        // 6 × (3/160) / 0.9 = 0.125.
        DOSSIER_SATISFACTION.ScoredFrom(3, 160).Points.Should().Be(0.13m);
    }

    [Fact]
    public void A_ratio_above_one_is_clamped_to_100_percent_and_max_points()
    {
        var score = ON_TIME_PROCESSING.ScoredFrom(120, 100);

        score.Ratio.Should().Be(100m);
        score.Points.Should().Be(20m);
        score.Numerator.Should().Be(120m, "the counts are shown as given");
    }

    [Fact]
    public void A_negative_numerator_is_clamped_to_0_percent_and_0_points()
    {
        var score = ON_TIME_PROCESSING.ScoredFrom(-5, 100);

        score.Ratio.Should().Be(0m);
        score.Points.Should().Be(0m);
        score.NoData.Should().BeFalse();
    }

    [Theory]
    [InlineData(ONLINE_PROCEDURES, 80, 2)]
    [InlineData(ONLINE_PROCEDURES, 40, 1)]
    [InlineData(DATA_REUSED, 79, 1.98)]
    [InlineData(ONLINE_SUBMISSION, 25, 3)]
    [InlineData(DOSSIER_SATISFACTION, 90, 6)]
    [InlineData(DOSSIER_SATISFACTION, 45, 3)]
    [InlineData(FEE_PROCEDURES_PAID_ONLINE, 100, 2)]
    public void A_threshold_indicator_earns_full_points_from_its_threshold_and_proportionally_below(IndicatorCode code, int percent, decimal points)
    {
        var score = code.ScoredFrom(percent, 100);

        score.Points.Should().Be(points);
        score.Ratio.Should().Be(percent, "the ratio shown is R itself, not R over the threshold");
    }

    [Fact]
    public void Average_processing_days_shows_days_with_two_decimals_and_no_points()
    {
        var score = AVG_PROCESSING_DAYS.ScoredFrom(1_234.5m, 100);

        score.Ratio.Should().Be(12.35m, "12.345 days rounds away from zero");
        score.Points.Should().Be(0m);
        score.Max.Should().Be(0m);
        score.NoData.Should().BeFalse();
    }

    [Fact]
    public void Average_processing_days_without_finished_dossiers_is_no_data()
    {
        var score = AVG_PROCESSING_DAYS.ScoredFrom(0, 0);

        score.NoData.Should().BeTrue();
        score.Ratio.Should().Be(0m);
        score.Points.Should().Be(0m);
    }

    [Fact]
    public void A_missing_indicator_scores_0_even_when_no_data_would_earn_its_max()
    {
        var score = IndicatorCatalog.Get(PETITION_ON_TIME).Missing();

        score.Should().Be(new IndicatorScore(PETITION_ON_TIME, null, null, 0m, 0m, 6m, NoData: true));
    }

    [Fact]
    public void Counts_of_one_indicator_cannot_score_another()
    {
        var scoring = () => IndicatorCatalog.Get(ON_TIME_PROCESSING).Score(DOSSIER_SYNC.Counts(1, 2));

        scoring.Should().Throw<ArgumentException>().WithMessage("*DOSSIER_SYNC*ON_TIME_PROCESSING*");
    }

    [Fact]
    public void Counts_beyond_any_real_unit_still_score_without_overflow()
    {
        var score = ON_TIME_PROCESSING.ScoredFrom(5e27m, 7e27m);

        score.Points.Should().Be(14.29m);
        score.Ratio.Should().Be(71.43m);
    }
}
