using GovPulse.Dashboard.Apis;
using GovPulse.Indicators.Scoring;
using GovPulse.Indicators.Units;

namespace GovPulse.Dashboard.Tests.Apis;

public sealed class UnitStandingTests
{
    private static readonly Unit TuPhap = new("so-tu-phap", "Sở Tư pháp", UnitKind.Department, "79");

    private static Scorecard Card(string code, decimal? total, long received, decimal progress = 10m) => new(
        code,
        code,
        "2026-11",
        DateTimeOffset.UnixEpoch,
        new ScorecardCounts(received, 0),
        total,
        "Khá",
        [new GroupScore(GroupCode.PROGRESS, progress, 20m, [])]);

    [Fact]
    public void The_rank_is_one_more_than_the_ranked_units_above_and_equal_totals_share_it()
    {
        var level = new[]
        {
            Card("so-y-te", 90.10m, 40),
            Card("so-noi-vu", 80.00m, 12, progress: 19m),
            Card("so-tu-phap", 80.00m, 30),
            Card("so-du-lich", 61.89m, 3),
        };

        var standing = UnitStanding.Among(TuPhap, level, Card("79", 77.77m, 85));

        standing.Should().Be(new UnitStanding("department", 2, 4, 78.00m, 77.77m),
            "Sở Nội vụ is listed first on its tie-breaker, but both have the same total, so the same rank; (90.10 + 80 + 80 + 61.89) / 4 = 77.9975");
    }

    [Fact]
    public void Units_without_a_dossier_in_the_period_are_neither_ranked_nor_in_the_average()
    {
        var level = new[]
        {
            Card("so-y-te", 14.25m, 0),
            Card("so-noi-vu", 50.00m, 2),
            Card("so-tu-phap", 10.00m, 1),
            Card("so-du-lich", null, 0),
        };

        var standing = UnitStanding.Among(TuPhap, level, Card("79", 30m, 3))!;

        standing.Rank.Should().Be(2, "the 14.25 of a unit with no dossier says nothing about service and ranks nobody below it");
        standing.Of.Should().Be(2);
        standing.PeerAverage.Should().Be(30.00m);
    }

    [Fact]
    public void A_unit_without_a_dossier_has_no_rank_but_still_sees_its_peers()
    {
        var level = new[] { Card("so-y-te", 70m, 5), Card("so-tu-phap", 14.25m, 0) };

        var standing = UnitStanding.Among(TuPhap, level, Card("79", 70m, 5))!;

        standing.Rank.Should().BeNull();
        standing.Of.Should().Be(1);
        standing.PeerAverage.Should().Be(70m);
    }

    [Fact]
    public void With_no_unit_ranked_and_a_city_without_dossiers_there_is_no_average_and_no_city_total()
    {
        var standing = UnitStanding.Among(TuPhap, [Card("so-tu-phap", 14.25m, 0)], Card("79", 14.25m, 0))!;

        standing.Should().Be(new UnitStanding("department", null, 0, null, null));
    }

    [Theory]
    [InlineData("80.005", "80.01")]
    [InlineData("80.015", "80.02")]
    [InlineData("80.0049", "80.00")]
    public void The_average_is_rounded_to_2_decimals_half_away_from_zero(string mean, string expected)
    {
        // Two units whose totals average to the given mean: mean - 1 and mean + 1.
        var m = decimal.Parse(mean, System.Globalization.CultureInfo.InvariantCulture);
        var level = new[] { Card("so-tu-phap", m - 1, 1), Card("so-y-te", m + 1, 1) };

        UnitStanding.Among(TuPhap, level, null)!.PeerAverage.Should().Be(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_commune_is_ranked_among_communes_and_the_city_has_no_standing()
    {
        var tanDinh = new Unit("26737", "Phường Tân Định", UnitKind.Commune, "79");
        var city = new Unit("79", "Thành phố Hồ Chí Minh", UnitKind.City, null);

        UnitStanding.Among(tanDinh, [Card("26737", 70m, 5)], null).Should().Be(new UnitStanding("commune", 1, 1, 70m, null));
        UnitStanding.Among(city, [Card("26737", 70m, 5)], null).Should().BeNull();
    }
}
