using GovPulse.Dashboard.Apis;
using GovPulse.Indicators.Scoring;

namespace GovPulse.Dashboard.Tests.Apis;

public sealed class ScoreChangeTests
{
    private static Scorecard Card(decimal total, decimal progress, long received) => new(
        "26737",
        "Phường Tân Định",
        "2026-11",
        DateTimeOffset.UnixEpoch,
        new ScorecardCounts(received, 0),
        total,
        "Khá",
        [new GroupScore(GroupCode.PROGRESS, progress, 20m, []), new GroupScore(GroupCode.ONLINE, 6m, 12m, [])]);

    [Fact]
    public void The_change_is_this_minus_the_other_for_the_total_and_each_group()
    {
        var change = ScoreChange.Between(Card(72.30m, 17.68m, 900), Card(70.05m, 18.10m, 1200));

        change.Total.Should().Be(2.25m);
        change.Groups.Should().Equal(new Dictionary<string, decimal> { ["PROGRESS"] = -0.42m, ["ONLINE"] = 0m });
    }

    [Fact]
    public void No_change_is_given_against_a_period_without_dossiers()
    {
        var change = ScoreChange.Between(Card(72.30m, 17.68m, 900), Card(20m, 0m, 0));

        change.Total.Should().BeNull();
        change.Groups.Should().BeEmpty();
    }
}
