using GovPulse.Indicators.Scoring;
using static GovPulse.Indicators.Scoring.IndicatorCode;

namespace GovPulse.Indicators.Tests.Scoring;

public sealed class ScorecardScoringTests
{
    [Fact]
    public void Indicators_left_out_score_0_and_are_listed_as_missing_in_portal_order()
    {
        var score = ScorecardScoring.Score([ON_TIME_PROCESSING.Counts(528_684, 597_918), PETITION_ON_TIME.Counts(296, 570)]);

        score.Missing.Should().Equal(Enum.GetValues<IndicatorCode>().Except([ON_TIME_PROCESSING, PETITION_ON_TIME]));
        score.Indicator(PETITION_SATISFACTION).Should().Be(new IndicatorScore(PETITION_SATISFACTION, null, null, 0m, 0m, 6m, NoData: true));
        score.Total.Should().Be(17.68m + 3.12m);
    }

    [Fact]
    public void A_missing_none_means_max_indicator_scores_0_but_one_sent_without_data_scores_max()
    {
        var score = ScorecardScoring.Score([PETITION_ON_TIME.WithoutData()]);

        score.Indicator(PETITION_ON_TIME).Points.Should().Be(6m);
        score.Indicator(PETITION_SATISFACTION).Points.Should().Be(0m);
        score.Missing.Should().Contain(PETITION_SATISFACTION).And.NotContain(PETITION_ON_TIME);
    }

    [Fact]
    public void An_empty_input_shows_every_group_and_indicator_at_0_and_lists_them_all_missing()
    {
        var score = ScorecardScoring.Score([]);

        score.Total.Should().Be(0m);
        score.Band.Should().Be(Band.Weak);
        score.Groups.Select(g => g.Code).Should().Equal(Enum.GetValues<GroupCode>());
        score.Groups.SelectMany(g => g.Indicators).Should().HaveCount(22).And.OnlyContain(i => i.NoData && i.Points == 0m);
        score.Missing.Should().HaveCount(22);
    }

    [Fact]
    public void Group_maxima_are_shown_even_when_nothing_is_scored()
    {
        ScorecardScoring.Score([]).Groups.Select(g => g.Max).Should().Equal(18m, 20m, 12m, 10m, 22m, 18m);
    }

    [Fact]
    public void Average_processing_days_sits_in_progress_without_changing_its_score()
    {
        var score = ScorecardScoring.Score(PublishedProvince.Progress);

        var progress = score.Group(GroupCode.PROGRESS);
        progress.Indicators.Select(i => i.Code).Should().Equal(ON_TIME_PROCESSING, AVG_PROCESSING_DAYS);
        progress.Score.Should().Be(17.68m);
        progress.Indicators[1].Ratio.Should().Be(4.67m, "2,391,672 days over 512,345 finished dossiers");
    }

    [Fact]
    public void An_indicator_sent_twice_is_rejected_rather_than_guessed()
    {
        var scoring = () => ScorecardScoring.Score([DOSSIER_SYNC.Counts(1, 2), DOSSIER_SYNC.Counts(2, 2)]);

        scoring.Should().Throw<ArgumentException>().WithMessage("*DOSSIER_SYNC*more than once*");
    }

    [Fact]
    public void A_code_outside_the_index_is_rejected()
    {
        var scoring = () => ScorecardScoring.Score([new IndicatorInput((IndicatorCode)99, 1, 2)]);

        scoring.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void The_band_comes_from_the_thresholds_given()
    {
        var strict = new BandThresholds(excellent: 95m, good: 85m, fair: 75m, average: 65m);

        ScorecardScoring.Score(PublishedProvince.All).Band.Should().Be(Band.Average);
        ScorecardScoring.Score(PublishedProvince.All, strict).Band.Should().Be(Band.Weak);
    }
}
