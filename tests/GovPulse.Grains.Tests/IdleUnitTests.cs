using System.Collections.Immutable;
using GovPulse.Grains.Tests.Fixtures;
using GovPulse.Indicators.Periods;

namespace GovPulse.Grains.Tests;

/// <summary>
/// A unit no one asks for a while leaves memory by itself (GovPulse:Units:IdleAfter): it seals what it
/// can, saves its segments, and its next call rebuilds from them with nothing to replay.
/// </summary>
public sealed class IdleUnitTests(IdleUnitsClusterFixture fixture) : IClassFixture<IdleUnitsClusterFixture>
{
    private static readonly Period[] Periods = [Period.Month(2026, 9), Period.Quarter(2026, 4), Period.Year(2026), Period.Month(2027, 1)];

    [Fact]
    public async Task An_idle_unit_deactivates_saving_its_segments_and_its_next_call_reads_them()
    {
        const string unit = "27139"; // Phường Xuân Hòa
        var grain = fixture.Cluster.Client.GetGrain<IUnitGrain>(unit);
        var events = SealedMonthGrainTests.History(unit, seed: 30);
        await grain.Apply(events.ToImmutableArray());
        var before = await ExpectedFigures.ShownBy(grain, Periods);
        var position = (await grain.GetStatus()).Position;

        // Orleans' own collector deactivates it: nothing calls it from here on until it has.
        await fixture.Cluster.WaitForDeactivationAsync(grain).WaitAsync(TimeSpan.FromSeconds(60));
        var status = await grain.GetStatus();

        status.LastSnapshot.Should().BeNull("this is a new activation");
        status.RebuiltFromSnapshot.Should().Be(position, "the idle activation saved its segments before it left");
        status.ReplayedEvents.Should().Be(0);
        status.SealedMonths.Should().Be(2, "it sealed September and October before saving");
        (await ExpectedFigures.ShownBy(grain, Periods)).Should().BeEquivalentTo(before, o => o.WithStrictOrdering());
    }
}
