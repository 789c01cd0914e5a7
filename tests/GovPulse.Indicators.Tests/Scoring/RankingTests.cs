using GovPulse.Indicators.Scoring;

namespace GovPulse.Indicators.Tests.Scoring;

public sealed class RankingTests
{
    [Fact]
    public void Equal_totals_share_a_rank_and_the_next_rank_skips()
    {
        var ranked = Ranking.Rank([Unit("A", 70m), Unit("B", 80m), Unit("C", 90m), Unit("D", 80m)]);

        ranked.Select(r => (r.Rank, r.Unit.UnitCode)).Should().Equal((1, "C"), (2, "B"), (2, "D"), (4, "A"));
    }

    [Fact]
    public void Within_an_equal_total_a_higher_progress_score_is_listed_first_at_the_same_rank()
    {
        var ranked = Ranking.Rank([Unit("A", 61.89m, progress: 15m), Unit("B", 61.89m, progress: 17.68m)]);

        ranked.Select(r => (r.Rank, r.Unit.UnitCode)).Should().Equal((1, "B"), (1, "A"));
    }

    [Fact]
    public void With_equal_total_and_progress_more_dossiers_received_is_listed_first()
    {
        var ranked = Ranking.Rank([Unit("A", 61.89m, received: 900), Unit("B", 61.89m, received: 1_200)]);

        ranked.Select(r => (r.Rank, r.Unit.UnitCode)).Should().Equal((1, "B"), (1, "A"));
    }

    [Fact]
    public void With_everything_else_equal_the_unit_code_decides_the_order()
    {
        var ranked = Ranking.Rank([Unit("26809", 50m), Unit("26803", 50m), Unit("26806", 50m)]);

        ranked.Select(r => (r.Rank, r.Unit.UnitCode)).Should().Equal((1, "26803"), (1, "26806"), (1, "26809"));
    }

    [Fact]
    public void Tie_breakers_order_units_but_never_split_a_shared_rank()
    {
        var ranked = Ranking.Rank(
        [
            Unit("D", 75m, progress: 10m, received: 1),
            Unit("A", 75m, progress: 20m, received: 1),
            Unit("C", 75m, progress: 10m, received: 5),
            Unit("B", 74.99m, progress: 20m, received: 1_000),
        ]);

        ranked.Select(r => (r.Rank, r.Unit.UnitCode)).Should().Equal((1, "A"), (1, "C"), (1, "D"), (4, "B"));
    }

    [Fact]
    public void Totals_equal_as_numbers_are_equal_whatever_their_written_scale()
    {
        var ranked = Ranking.Rank([Unit("A", 61.890m), Unit("B", 61.89m), Unit("C", 61.88m)]);

        ranked.Select(r => r.Rank).Should().Equal(1, 1, 3);
    }

    [Fact]
    public void Any_rows_can_be_ranked_by_the_key_they_give()
    {
        var rows = new[] { (Name: "Phường Sài Gòn", Key: Unit("26734", 80m)), (Name: "Phường Bến Thành", Key: Unit("26740", 85m)) };

        var ranked = Ranking.Rank(rows, row => row.Key);

        ranked.Select(r => (r.Rank, r.Unit.Name)).Should().Equal((1, "Phường Bến Thành"), (2, "Phường Sài Gòn"));
    }

    [Fact]
    public void A_unit_s_key_takes_its_total_and_progress_from_its_score()
    {
        var key = RankingKey.Of("79", ScorecardScoring.Score(PublishedProvince.All), received: 597_918);

        key.Should().Be(new RankingKey("79", 61.89m, 17.68m, 597_918));
    }

    [Fact]
    public void Ranking_nothing_gives_an_empty_list() => Ranking.Rank([]).Should().BeEmpty();

    [Fact]
    public void A_country_of_units_ranks_in_key_order_with_competition_ranks_whatever_the_input_order()
    {
        // The whole country's communes (3,321) and then some; how fast it is lives in RankingBenchmarks.
        var random = new Random(766);
        var units = Enumerable.Range(0, 3_500)
            .Select(i => Unit(
                (26_000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture),
                random.Next(4_000, 4_400) / 100m, // a narrow band, so many totals are shared
                progress: random.Next(1_000, 1_010) / 100m,
                received: random.Next(0, 5)))
            .ToArray();

        var ranked = Ranking.Rank(units);
        var shuffled = Ranking.Rank(units.OrderBy(_ => random.Next()).ToArray());

        shuffled.Should().Equal(ranked);
        ranked.Select(r => r.Unit.UnitCode).Order(StringComparer.Ordinal).Should().Equal(units.Select(u => u.UnitCode));
        for (var i = 1; i < ranked.Count; i++)
        {
            var (before, after) = (ranked[i - 1], ranked[i]);
            after.Unit.Total.Should().BeLessThanOrEqualTo(before.Unit.Total);
            after.Rank.Should().Be(after.Unit.Total == before.Unit.Total ? before.Rank : i + 1);
        }
    }

    [Fact]
    public void Units_with_no_dossiers_come_after_every_ranked_unit_with_no_rank_whatever_their_total()
    {
        // An empty month's "total" is the no-data rules' alone (14.25 "Yếu", or more): no score to rank.
        var ranked = Ranking.Rank(
        [
            Unit("A", 70m),
            Empty("E2", 99m),
            Unit("C", 90m),
            Empty("E1", 14.25m),
            Unit("B", 70m),
        ]);

        ranked.Select(r => (r.Rank, r.Unit.UnitCode)).Should().Equal((1, "C"), (2, "A"), (2, "B"), (null, "E1"), (null, "E2"));
        ranked.Select(r => r.IsRanked).Should().Equal(true, true, true, false, false);
        ranked.Select(r => r.Unit).Should().BeInAscendingOrder(Ranking.Order);
    }

    [Fact]
    public void A_level_with_no_dossiers_anywhere_ranks_nobody()
    {
        var ranked = Ranking.Rank([Empty("26809", 14.25m), Empty("26803", 14.25m)]);

        ranked.Select(r => (r.Rank, r.Unit.UnitCode)).Should().Equal((null, "26803"), (null, "26809"));
    }

    [Fact]
    public void A_scorecard_with_no_dossiers_gives_a_key_that_is_not_ranked()
    {
        var at = new DateTimeOffset(2026, 9, 30, 23, 0, 0, TimeSpan.FromHours(7));
        var empty = new Scorecard("26803", "Phường Sài Gòn", "2026-09", at, ScorecardCounts.Zero).WithScore(ScorecardScoring.Score([]));
        var busy = new Scorecard("26806", "Phường Tân Định", "2026-09", at, new ScorecardCounts(3, 1)).WithScore(ScorecardScoring.Score([]));

        RankingKey.Of(empty).NoDossiers.Should().BeTrue();
        RankingKey.Of(busy).NoDossiers.Should().BeFalse();
        RankingKey.Of("79", ScorecardScoring.Score([]), received: 0).NoDossiers.Should().BeTrue();
        Ranking.Rank([empty, busy], RankingKey.Of).Select(r => (r.Rank, r.Unit.UnitCode)).Should().Equal((1, "26806"), (null, "26803"));
    }

    private static RankingKey Empty(string code, decimal total) => new(code, total, 0m, 0, NoDossiers: true);

    private static RankingKey Unit(string code, decimal total, decimal progress = 15m, long received = 100) =>
        new(code, total, progress, received);
}
