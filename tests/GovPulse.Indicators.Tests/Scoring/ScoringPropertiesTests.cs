using CsCheck;
using GovPulse.Indicators.Scoring;

namespace GovPulse.Indicators.Tests.Scoring;

public sealed class ScoringPropertiesTests
{
    private static readonly int IndicatorCount = IndicatorCatalog.Indicators.Count;

    /// <summary>
    /// Any POST /score body of the index's codes: each indicator absent, sent without data, sent
    /// with 0 as denominator, or sent with counts that may exceed the denominator or go negative.
    /// </summary>
    private static readonly Gen<IndicatorInput[]> AnyInputs =
        Gen.Select(
            Gen.Int[0, 4].Array[IndicatorCount],
            Gen.Long[-10, 2_000_000].Array[IndicatorCount],
            Gen.Long[0, 2_000_000].Array[IndicatorCount],
            (kinds, numerators, denominators) => Enumerable.Range(0, IndicatorCount)
                .Where(i => kinds[i] != 0)
                .Select(i => kinds[i] switch
                {
                    1 => IndicatorInput.NoData((IndicatorCode)i),
                    2 => new IndicatorInput((IndicatorCode)i, numerators[i], 0),
                    3 => new IndicatorInput((IndicatorCode)i, Math.Min(numerators[i], denominators[i]), denominators[i]),
                    _ => new IndicatorInput((IndicatorCode)i, numerators[i], denominators[i]),
                })
                .ToArray());

    [Fact]
    public void Points_are_never_negative_never_above_max_and_always_in_hundredths()
    {
        AnyInputs.Sample(inputs =>
        {
            foreach (var indicator in ScorecardScoring.Score(inputs).Groups.SelectMany(g => g.Indicators))
            {
                indicator.Points.Should().BeInRange(0m, indicator.Max, indicator.Code.ToString());
                PortalRounding.ToHundredths(indicator.Points).Should().Be(indicator.Points);
            }
        });
    }

    [Fact]
    public void Ratios_of_scored_indicators_stay_between_0_and_100_percent()
    {
        AnyInputs.Sample(inputs =>
        {
            foreach (var indicator in ScorecardScoring.Score(inputs).Groups.SelectMany(g => g.Indicators)
                         .Where(i => !IndicatorCatalog.Get(i.Code).IsDisplayOnly))
            {
                indicator.Ratio.Should().BeInRange(0m, 100m);
            }
        });
    }

    [Fact]
    public void A_group_s_score_is_the_sum_of_its_rounded_indicator_points()
    {
        AnyInputs.Sample(inputs =>
        {
            foreach (var group in ScorecardScoring.Score(inputs).Groups)
            {
                group.Score.Should().Be(group.Indicators.Sum(i => i.Points));
                group.Score.Should().BeInRange(0m, group.Max);
            }
        });
    }

    [Fact]
    public void The_total_is_the_sum_of_the_group_scores_and_never_exceeds_100()
    {
        AnyInputs.Sample(inputs =>
        {
            var score = ScorecardScoring.Score(inputs);

            score.Total.Should().Be(score.Groups.Sum(g => g.Score));
            score.Total.Should().BeInRange(0m, 100m);
            score.Band.Should().Be(BandThresholds.Default.BandOf(score.Total));
        });
    }

    [Fact]
    public void Missing_lists_exactly_the_indicators_left_out()
    {
        AnyInputs.Sample(inputs =>
            ScorecardScoring.Score(inputs).Missing.Should().Equal(Enum.GetValues<IndicatorCode>().Except(inputs.Select(i => i.Code))));
    }

    [Fact]
    public void Pooling_a_unit_with_itself_keeps_every_ratio_and_every_point()
    {
        AnyInputs.Sample(inputs =>
        {
            var alone = ScorecardScoring.Score(inputs);
            var doubled = ScorecardScoring.Score(PooledCounts.Pool([inputs, inputs]));

            doubled.Groups.SelectMany(g => g.Indicators).Select(i => (i.Ratio, i.Points, i.NoData))
                .Should().Equal(alone.Groups.SelectMany(g => g.Indicators).Select(i => (i.Ratio, i.Points, i.NoData)));
        });
    }

    [Fact]
    public void A_rank_is_one_more_than_the_number_of_units_with_a_higher_total()
    {
        var units = Gen.Select(Gen.Int[0, 10_000], Gen.Int[0, 2_000], Gen.Long[0, 50], Gen.Int[0, 999],
                (total, progress, received, code) => new RankingKey(code.ToString("D5", System.Globalization.CultureInfo.InvariantCulture), total / 100m, progress / 100m, received))
            .Array[0, 60];

        units.Sample(keys =>
        {
            var ranked = Ranking.Rank(keys);

            ranked.Should().HaveCount(keys.Length);
            foreach (var row in ranked)
            {
                row.Rank.Should().Be(1 + keys.Count(k => k.Total > row.Unit.Total));
            }

            ranked.Select(r => r.Unit).Should().BeInDescendingOrder(k => k.Total);
        });
    }

    [Fact]
    public void Adding_units_with_no_dossiers_never_changes_a_ranked_unit_s_rank_or_order()
    {
        var key = Gen.Select(Gen.Int[0, 10_000], Gen.Int[0, 2_000], Gen.Long[1, 50], Gen.Int[0, 999],
            (total, progress, received, code) => new RankingKey(code.ToString("D5", System.Globalization.CultureInfo.InvariantCulture), total / 100m, progress / 100m, received));
        var empty = Gen.Select(Gen.Int[0, 10_000], Gen.Int[0, 999],
            (total, code) => new RankingKey("E" + code.ToString("D4", System.Globalization.CultureInfo.InvariantCulture), total / 100m, 0m, 0, NoDossiers: true));

        Gen.Select(key.Array[0, 60], empty.Array[0, 20], Gen.Int).Sample((keys, empties, seed) =>
        {
            var alone = Ranking.Rank(keys);
            var random = new Random(seed);
            var mixed = Ranking.Rank(keys.Concat(empties).OrderBy(_ => random.Next()).ToArray());

            mixed.Take(keys.Length).Should().Equal(alone);
            mixed.Skip(keys.Length).Select(r => (r.Rank, r.Unit.NoDossiers)).Should().Equal(empties.Select(_ => ((int?)null, true)));
            mixed.Skip(keys.Length).Select(r => r.Unit.UnitCode).Should().BeInAscendingOrder(StringComparer.Ordinal);
        });
    }

    [Fact]
    public void Keys_outside_the_portal_s_ranges_are_ranked_in_the_same_order_as_usual_ones()
    {
        // A negative total cannot be packed, so the whole list takes the comparer path; the other
        // units must come out exactly as the packed path ranks them.
        var units = Gen.Select(Gen.Int[0, 300], Gen.Int[0, 30], Gen.Long[0, 5], Gen.Int[0, 99],
                (total, progress, received, code) => new RankingKey(code.ToString("D2", System.Globalization.CultureInfo.InvariantCulture), 60m + (total / 100m), progress / 10m, received))
            .Array[0, 80];
        var outlier = new RankingKey("00", -1m, 0m, 0);

        units.Sample(keys =>
        {
            var packed = Ranking.Rank(keys).Select(r => (r.Rank, r.Unit)).ToArray();
            var compared = Ranking.Rank([.. keys, outlier]).Select(r => (r.Rank, r.Unit)).SkipLast(1).ToArray();

            compared.Should().Equal(packed);
            packed.Select(r => r.Unit).Should().BeInAscendingOrder(Ranking.Order);
        });
    }
}
