using GovPulse.Indicators.Scoring;
using static GovPulse.Indicators.Scoring.IndicatorCode;

namespace GovPulse.Indicators.Tests.Scoring;

/// <summary>Every figure of indicators-766.md §4, to the hundredth.</summary>
public sealed class PublishedFiguresTests
{
    [Fact]
    public void Progress_of_528684_on_time_out_of_597918_received_is_88_42_percent_and_17_68_points()
    {
        var score = ON_TIME_PROCESSING.ScoredFrom(528_684, 597_918);

        score.Ratio.Should().Be(88.42m);
        score.Points.Should().Be(17.68m);
        score.Max.Should().Be(20m);
        score.NoData.Should().BeFalse();
    }

    [Fact]
    public void Publicity_of_0_of_89_0_of_70_87_of_89_and_all_dossiers_synced_is_7_96()
    {
        var group = ScorecardScoring.Score(PublishedProvince.Publicity).Group(GroupCode.PUBLICITY);

        group.Indicators.Select(i => i.Points).Should().Equal(0m, 0m, 1.96m, 6m);
        group.Score.Should().Be(7.96m);
        group.Max.Should().Be(18m);
    }

    [Fact]
    public void Satisfaction_of_the_published_province_is_5_89_plus_3_12_plus_2_42_which_is_11_43()
    {
        var score = ScorecardScoring.Score(PublishedProvince.Satisfaction);

        score.Indicator(DOSSIER_SATISFACTION).Points.Should().Be(5.89m, "528,464 / 597,918 = 88.38% against a 90% threshold");
        score.Indicator(PETITION_ON_TIME).Points.Should().Be(3.12m);
        score.Indicator(PETITION_SATISFACTION).Points.Should().Be(2.42m);
        score.Group(GroupCode.SATISFACTION).Score.Should().Be(11.43m);
    }

    [Fact]
    public void Online_is_2_times_52_of_89_over_0_8_plus_4_times_516_of_1884_plus_6_which_is_8_56()
    {
        var score = ScorecardScoring.Score(PublishedProvince.Online);

        score.Indicator(ONLINE_PROCEDURES).Points.Should().Be(1.46m);
        score.Indicator(ONLINE_SERVICES_WITH_DOSSIERS).Points.Should().Be(1.10m);
        score.Indicator(ONLINE_SUBMISSION).Points.Should().Be(6m);
        score.Group(GroupCode.ONLINE).Score.Should().Be(8.56m);
    }

    [Theory]
    [InlineData(500, 1_000)]
    [InlineData(999, 1_000)]
    [InlineData(1_000, 1_000)]
    public void Online_submission_at_or_above_half_of_dossiers_earns_all_6_points(long online, long received) =>
        ONLINE_SUBMISSION.ScoredFrom(online, received).Points.Should().Be(6m);

    [Theory]
    [InlineData(161, 156, 96.89, 19.38)]
    [InlineData(1_840, 1_689, 91.79, 18.36)]
    [InlineData(5, 3, 60, 12)]
    public void A_department_s_progress_matches_the_portal(long received, long onTime, decimal ratio, decimal points)
    {
        var score = ON_TIME_PROCESSING.ScoredFrom(onTime, received);

        score.Ratio.Should().Be(ratio);
        score.Points.Should().Be(points);
    }

    [Fact]
    public void Digitization_sums_rounded_points_to_9_31_where_the_unrounded_sum_would_round_to_9_29()
    {
        var score = ScorecardScoring.Score(
        [
            ELECTRONIC_RESULT.Counts(2_443, 3_000),
            DOSSIER_DIGITIZED.Counts(403, 2_000),
            DATA_REUSED.Counts(148, 1_250),
            PERSONAL_STORE_LINKED.Counts(0, 500),
            CITIZEN_DATA_DOSSIERS.Counts(61, 125),
            CITIZEN_DATA_PROCEDURES.Counts(3_309, 20_000),
            ELECTRONIC_CERTIFIED_COPY.WithoutData(),
        ]);
        var unrounded = (6m * 2_443 / 3_000) + (4m * 403 / 2_000) + (2m * 148 / 1_250 / 0.8m) + 0m
            + (2m * 61 / 125) + (2m * 3_309 / 20_000) + 2m;

        var group = score.Group(GroupCode.DIGITIZATION);
        group.Indicators.Select(i => i.Points).Should().Equal(4.89m, 0.81m, 0.30m, 0m, 0.98m, 0.33m, 2m);
        group.Score.Should().Be(9.31m);
        unrounded.Should().Be(9.2949m);
        Math.Round(unrounded, 2, MidpointRounding.AwayFromZero).Should().Be(9.29m);
    }

    [Fact]
    public void Six_groups_of_7_96_17_68_8_56_6_67_9_59_and_11_43_total_61_89_Trung_binh()
    {
        var score = ScorecardScoring.Score(PublishedProvince.All);

        score.Groups.Select(g => (g.Code, g.Score)).Should().Equal(
            (GroupCode.PUBLICITY, 7.96m),
            (GroupCode.PROGRESS, 17.68m),
            (GroupCode.ONLINE, 8.56m),
            (GroupCode.PAYMENT, 6.67m),
            (GroupCode.DIGITIZATION, 9.59m),
            (GroupCode.SATISFACTION, 11.43m));
        score.Total.Should().Be(61.89m);
        score.Band.Vietnamese.Should().Be("Trung bình");
        score.Missing.Should().BeEmpty();
    }
}
