using System.Collections.Immutable;
using GovPulse.Grains.Tests.Fixtures;
using GovPulse.Indicators.Periods;

namespace GovPulse.Grains.Tests;

public sealed class PeriodicSnapshotTests(FrequentSnapshotClusterFixture fixture) : IClassFixture<FrequentSnapshotClusterFixture>
{
    [Fact]
    public async Task A_changed_unit_saves_a_snapshot_on_its_own_and_the_next_activation_starts_from_it()
    {
        const string unit = "26740"; // Phường Sài Gòn
        var grain = fixture.Cluster.Client.GetGrain<IUnitGrain>(unit);
        var events = UnitSnapshotTests.Dossiers(unit, new Random(11), 30).ToList();
        await grain.Apply(events.ToImmutableArray());
        var live = await grain.GetScorecard(Period.Month(2026, 9));

        // The timer fires within a second or two; wait for its result, bounded.
        var saved = await WaitForSnapshot(grain);
        await fixture.Cluster.DeactivateAsync(grain);
        await fixture.Cluster.WaitForDeactivationAsync(grain);
        var status = await grain.GetStatus();

        status.RebuiltFromSnapshot.Should().Be(saved);
        (await grain.GetScorecard(Period.Month(2026, 9))).Should().BeEquivalentTo(live);
    }

    private static async Task<long> WaitForSnapshot(IUnitGrain grain)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            if ((await grain.GetStatus()).LastSnapshot is { } saved)
            {
                return saved;
            }

            await Task.Delay(100, timeout.Token);
        }
    }
}
