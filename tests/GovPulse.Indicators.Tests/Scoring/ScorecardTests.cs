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
            """{"code":"ON_TIME_PROCESSING","numerator":528684,"denominator":597918,"ratio":88.42,"points":17.68,"max":20,"noData":false}""");
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
}
