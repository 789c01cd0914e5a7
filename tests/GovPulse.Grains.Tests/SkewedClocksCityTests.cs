using System.Collections.Immutable;
using GovPulse.Grains.Tests.Fixtures;
using GovPulse.Indicators.Events;
using GovPulse.Indicators.Periods;
using GovPulse.Indicators.Units;

namespace GovPulse.Grains.Tests;

/// <summary>
/// Clock skew between nodes drops no city figures (issue 13): the city orders its units' reports by
/// log position, not by the clocks of the nodes that judged them.
/// </summary>
public sealed class SkewedClocksCityTests(SkewedClocksClusterFixture fixture) : IClassFixture<SkewedClocksClusterFixture>
{
    private static readonly string[] Units = ["26740", "26737", "26743", "26758", "27154", "27139", "27142", "27259"];

    [Fact]
    public async Task With_nodes_two_hours_apart_the_city_pools_every_units_latest_figures()
    {
        // Three hours ago: before "now" on every node, so each judges the same dossiers received.
        var at = DateTimeOffset.UtcNow.AddHours(-3);
        var month = Period.MonthOf(DateTimeOffset.UtcNow);
        var city = fixture.Cluster.Client.GetGrain<ICityGrain>(UnitDirectory.HoChiMinhCityCode);
        await FeedAsync([.. Units.Select(u => Events.Received(u, $"skew-{u}-1", at))]);
        var before = await city.GetScorecard(month); // the city now holds a report of every unit

        await FeedAsync([.. Units.Select(u => Events.Received(u, $"skew-{u}-2", at.AddMinutes(1)))]);
        var pushed = await fixture.Publisher.WaitFor(s => s.UnitCode == UnitDirectory.HoChiMinhCityCode && s.Counts.Received == before.Counts.Received + Units.Length);
        var unitCards = await Task.WhenAll(Units.Select(u => fixture.Cluster.Client.GetGrain<IUnitGrain>(u).GetScorecard(month)));
        var pooled = await city.GetScorecard(month);

        unitCards.Should().OnlyContain(s => s.Counts.Received == 2);
        pooled.Counts.Received.Should().Be(pushed.Counts.Received, "no unit's later report was dropped for its node's clock");
        pooled.Counts.Received.Should().Be(2 * Units.Length);
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
