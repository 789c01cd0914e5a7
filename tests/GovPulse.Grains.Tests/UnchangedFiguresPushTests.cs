using GovPulse.Grains.Tests.Fixtures;
using GovPulse.Indicators.Periods;

namespace GovPulse.Grains.Tests;

/// <summary>
/// A unit pushes its current month's figures to viewers when they change, not on every event: an event
/// of a past month (a backfill, a late event) leaves them as they were, so nothing is pushed for it.
/// A national backfill once spent a tenth of its CPU pushing the same figures again. Real cluster, real
/// ClickHouse; the scoring clock moves past the push interval so that any push would happen at once.
/// </summary>
public sealed class UnchangedFiguresPushTests(CityClusterFixture fixture) : IClassFixture<CityClusterFixture>
{
    private const string Unit = "27286"; // Phường Vĩnh Hội

    [Fact]
    public async Task Events_of_past_months_push_nothing_and_the_next_change_of_this_month_does()
    {
        var unit = fixture.Cluster.Client.GetGrain<IUnitGrain>(Unit);
        var lastMonth = Period.MonthOf(CityClusterFixture.Now).Start.AddDays(-10);
        await unit.Apply([Events.Received(Unit, "now-1", CityClusterFixture.Now.AddHours(-1))]);

        for (var i = 0; i < 3; i++)
        {
            fixture.Time.Advance(TimeSpan.FromSeconds(2)); // past the once-a-second push interval
            await unit.Apply([Events.Received(Unit, $"october-{i}", lastMonth.AddHours(i))]);
        }

        fixture.Time.Advance(TimeSpan.FromSeconds(2));
        await unit.Apply([Events.Received(Unit, "now-2", CityClusterFixture.Now.AddMinutes(-30))]);

        var pushed = fixture.Publisher.Published.Where(s => s.UnitCode == Unit).ToList();
        pushed.Select(s => s.Counts.Received).Should().Equal([1, 2], "October's receipts changed nothing of November's figures");
        pushed[1].PreviousVersion.Should().Be(pushed[0].Version, "a viewer that saw the first push missed nothing");
        (await unit.GetScorecard(Period.Month(2026, 10))).Counts.Received.Should().Be(3, "October's events were applied");
    }
}
