using System.Collections.Immutable;
using GovPulse.Grains.Tests.Fixtures;
using GovPulse.Indicators.Events;
using GovPulse.Indicators.Periods;
using GovPulse.Indicators.Units;

namespace GovPulse.Grains.Tests;

/// <summary>The city reconciles on its own timer (<c>GovPulse:City:ReconcileInterval</c>, a second here): a lost report heals with nobody asking.</summary>
public sealed class CityReconcileTimerTests(QuickReconcileClusterFixture fixture) : IClassFixture<QuickReconcileClusterFixture>
{
    [Fact]
    public async Task A_report_lost_on_the_way_heals_at_the_citys_next_reconciliation_and_is_pushed()
    {
        const string unit = "27154"; // Phường Bàn Cờ
        var now = DateTimeOffset.UtcNow;
        var month = Period.MonthOf(now);
        var city = fixture.Cluster.Client.GetGrain<ICityGrain>(UnitDirectory.HoChiMinhCityCode);
        var before = await city.GetScorecard(month);
        var dropping = fixture.Reports.DropNextOf(unit);

        await FeedAsync([Events.Received(unit, "timer-heal-1", now.AddMinutes(-1)), Events.Received(unit, "timer-heal-2", now.AddMinutes(-1))]);
        var lost = await dropping;
        var pushed = await fixture.Publisher.WaitFor(s => s.UnitCode == UnitDirectory.HoChiMinhCityCode && s.Counts.Received == before.Counts.Received + 2);

        lost.Figures.Counts.Received.Should().Be(2, "the only report of the change was dropped");
        pushed.Version.Should().BeGreaterThanOrEqualTo(before.Version);
        (await city.GetScorecard(month)).Counts.Received.Should().Be(before.Counts.Received + 2);
    }

    /// <summary>Feeds events to their units the way the node does: each unit grain stores its events and applies them.</summary>
    private async Task FeedAsync(ImmutableArray<UnitEvent> events)
    {
        foreach (var unit in events.GroupBy(e => e.UnitCode))
        {
            await fixture.Cluster.Client.GetGrain<IUnitGrain>(unit.Key).Apply([.. unit]);
        }
    }
}
