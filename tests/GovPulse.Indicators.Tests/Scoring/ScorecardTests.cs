using System.Text.Json;
using System.Text.Json.Nodes;
using GovPulse.Indicators.Scoring;

namespace GovPulse.Indicators.Tests.Scoring;

public sealed class ScorecardTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private static readonly DateTimeOffset EvaluatedAt = new(2026, 9, 18, 10, 0, 0, TimeSpan.FromHours(7));

    [Fact]
    public void A_scorecard_built_from_counts_alone_has_no_total_band_or_groups()
    {
        var scorecard = new Scorecard("26803", "Phường Sài Gòn", "2026-09", EvaluatedAt, new ScorecardCounts(12, 7));

        scorecard.Total.Should().BeNull();
        scorecard.Band.Should().BeNull();
        scorecard.Groups.Should().BeEmpty();
        scorecard.Missing.Should().BeEmpty();
        scorecard.Counts.Received.Should().Be(12);
        scorecard.Counts.Finished.Should().Be(7);
        scorecard.Counts.FinishedOnTime.Should().Be(0);
    }

    [Fact]
    public void A_scored_scorecard_carries_the_total_the_band_s_Vietnamese_name_and_the_groups()
    {
        var score = ScorecardScoring.Score(PublishedProvince.All);

        var scorecard = new Scorecard("79", "Thành phố Hồ Chí Minh", "2026", EvaluatedAt, ScorecardCounts.Zero).WithScore(score);

        scorecard.Total.Should().Be(61.89m);
        scorecard.Band.Should().Be("Trung bình");
        scorecard.Groups.Should().BeSameAs(score.Groups);
        Band.FromVietnamese(scorecard.Band).Should().Be(Band.Average);
    }

    [Fact]
    public void The_scorecard_serializes_to_the_contract_s_shape()
    {
        var scorecard = new Scorecard("26803", "Phường Sài Gòn", "2026-09", EvaluatedAt, new ScorecardCounts(597_918, 0))
            .WithScore(ScorecardScoring.Score(PublishedProvince.All));

        var json = JsonNode.Parse(JsonSerializer.Serialize(scorecard, Web))!;

        json["total"]!.GetValue<decimal>().Should().Be(61.89m);
        json["band"]!.GetValue<string>().Should().Be("Trung bình");
        var progress = json["groups"]![1]!;
        progress["code"]!.GetValue<string>().Should().Be("PROGRESS");
        progress["score"]!.GetValue<decimal>().Should().Be(17.68m);
        progress["max"]!.GetValue<decimal>().Should().Be(20m);
        var onTime = progress["indicators"]![0]!;
        onTime.ToJsonString().Should().Be(
            """{"code":"ON_TIME_PROCESSING","numerator":528684,"denominator":597918,"ratio":88.42,"points":17.68,"max":20,"noData":false,"noDataRule":null}""");
        json["counts"]!.AsObject().Select(p => p.Key).Should().Contain(
            ["received", "finishedOnTime", "finishedLate", "inProgressOnTime", "inProgressOverdue", "apologies"]);
    }

    [Fact]
    public void A_scorecard_survives_a_JSON_round_trip_as_grain_calls_make_it()
    {
        var scorecard = new Scorecard("26803", "Phường Sài Gòn", "2026-09", EvaluatedAt, new ScorecardCounts(10, 4, 3, 1, 5, 1, 2))
            .WithScore(ScorecardScoring.Score([IndicatorCode.ON_TIME_PROCESSING.Counts(8, 10)]));

        var back = JsonSerializer.Deserialize<Scorecard>(JsonSerializer.Serialize(scorecard))!;

        back.Should().BeEquivalentTo(scorecard);
        back.Missing.Should().HaveCount(21);
    }

    [Fact]
    public void A_counts_only_scorecard_read_back_from_JSON_has_empty_groups()
    {
        var back = JsonSerializer.Deserialize<Scorecard>(
            """{"UnitCode":"26803","Name":"x","Period":"2026-09","EvaluatedAt":"2026-09-18T10:00:00+07:00","Counts":{"Received":3,"Finished":1}}""")!;

        back.Groups.Should().BeEmpty();
        back.Missing.Should().BeEmpty();
        back.Total.Should().BeNull();
        back.Counts.Should().Be(new ScorecardCounts(3, 1));
    }

    [Fact]
    public void A_scorecard_with_no_dossier_received_says_so_and_one_with_a_dossier_does_not()
    {
        new Scorecard("26803", "Phường Sài Gòn", "2026-09", EvaluatedAt, ScorecardCounts.Zero).NoDossiers.Should().BeTrue();
        new Scorecard("26803", "Phường Sài Gòn", "2026-09", EvaluatedAt, new ScorecardCounts(1, 0)).NoDossiers.Should().BeFalse();

        // Dossiers finished or still open from earlier months do not make the period's own figures.
        new Scorecard("26803", "Phường Sài Gòn", "2026-09", EvaluatedAt, new ScorecardCounts(0, 4, 4, 0, 2, 0)).NoDossiers.Should().BeTrue();
    }

    [Fact]
    public void No_data_points_are_the_points_of_the_no_data_indicators_full_ones_and_zero_ones_alike()
    {
        // Petitions and certified copies without data score full marks (6 + 6 + 2); online payment
        // without data scores 0; on-time processing has data.
        var score = ScorecardScoring.Score(
        [
            IndicatorCode.ON_TIME_PROCESSING.Counts(8, 10),
            IndicatorInput.NoData(IndicatorCode.PETITION_ON_TIME),
            IndicatorInput.NoData(IndicatorCode.PETITION_SATISFACTION),
            IndicatorInput.NoData(IndicatorCode.ELECTRONIC_CERTIFIED_COPY),
            IndicatorInput.NoData(IndicatorCode.DOSSIERS_PAID_ONLINE),
        ]);

        var scorecard = new Scorecard("26803", "Phường Sài Gòn", "2026-09", EvaluatedAt, new ScorecardCounts(10, 8)).WithScore(score);

        scorecard.NoDataPoints.Should().Be(14m);
        scorecard.Total.Should().Be(14m + score.Indicator(IndicatorCode.ON_TIME_PROCESSING).Points);
        score.Indicator(IndicatorCode.PETITION_ON_TIME).NoDataRule.Should().Be(NoDataRule.ScoresMax);
        score.Indicator(IndicatorCode.DOSSIERS_PAID_ONLINE).NoDataRule.Should().Be(NoDataRule.ScoresZero);
        score.Indicator(IndicatorCode.ON_TIME_PROCESSING).NoDataRule.Should().BeNull();

        // Left out of the input, even a "none => max" indicator scores 0, and says so.
        ScorecardScoring.Score([]).Indicator(IndicatorCode.PETITION_ON_TIME).NoDataRule.Should().Be(NoDataRule.ScoresZero);
    }

    [Fact]
    public void A_scorecard_with_data_everywhere_has_no_no_data_points()
    {
        var scorecard = new Scorecard("79", "Thành phố Hồ Chí Minh", "2026", EvaluatedAt, new ScorecardCounts(597_918, 0))
            .WithScore(ScorecardScoring.Score(PublishedProvince.All));

        scorecard.NoDataPoints.Should().Be(
            scorecard.Groups.SelectMany(g => g.Indicators).Where(i => i.NoData).Sum(i => i.Points));
        scorecard.NoDossiers.Should().BeFalse();
    }

    [Fact]
    public void The_wire_shape_carries_no_dossiers_no_data_points_and_each_indicator_s_no_data_rule()
    {
        var scorecard = new Scorecard("26803", "Phường Sài Gòn", "2026-09", EvaluatedAt, ScorecardCounts.Zero)
            .WithScore(ScorecardScoring.Score([IndicatorInput.NoData(IndicatorCode.PETITION_ON_TIME), IndicatorInput.NoData(IndicatorCode.DOSSIERS_PAID_ONLINE)]));

        var json = JsonNode.Parse(JsonSerializer.Serialize(scorecard, Web))!;

        json["noDossiers"]!.GetValue<bool>().Should().BeTrue();
        json["noDataPoints"]!.GetValue<decimal>().Should().Be(6m);
        var indicators = json["groups"]!.AsArray().SelectMany(g => g!["indicators"]!.AsArray()).ToDictionary(i => i!["code"]!.GetValue<string>());
        indicators["PETITION_ON_TIME"]!["noDataRule"]!.GetValue<string>().Should().Be("full");
        indicators["DOSSIERS_PAID_ONLINE"]!["noDataRule"]!.GetValue<string>().Should().Be("zero");

        var back = JsonSerializer.Deserialize<Scorecard>(JsonSerializer.Serialize(scorecard))!;
        back.NoDataPoints.Should().Be(6m);
        back.NoDossiers.Should().BeTrue();
    }
}
