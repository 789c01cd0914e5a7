using System.Collections.Immutable;
using GovPulse.Grains.Tests.Fixtures;
using GovPulse.Indicators.Events;
using GovPulse.Indicators.Periods;

namespace GovPulse.Grains.Tests;

/// <summary>
/// A month being backfilled folds its closed, quiet dossiers as the traffic moves through it, so a unit
/// does not hold its whole running month in memory; new receipts dated in it are counted live beside its
/// sealed tally (no reopen), and every figure is a never-sealed ledger's. Real cluster, real ClickHouse.
/// </summary>
public sealed class RunningMonthGrainTests(RunningMonthsClusterFixture fixture) : IClassFixture<RunningMonthsClusterFixture>
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    private static readonly Period[] Periods = [Period.Month(2026, 10), Period.Quarter(2026, 4), Period.Year(2026)];

    [Fact]
    public async Task A_backfilled_month_folds_what_has_closed_as_its_traffic_moves_on_and_takes_new_receipts_live()
    {
        const string unit = "26743"; // Phường Bến Thành
        var grain = fixture.Cluster.Client.GetGrain<IUnitGrain>(unit);
        var october = October(unit, new Random(2026));
        foreach (var batch in october.Chunk(200))
        {
            await grain.Apply(batch.ToImmutableArray());
        }

        var running = await grain.GetStatus();
        var newcomer = Events.Received(unit, $"{unit}-newcomer", new DateTimeOffset(2026, 10, 30, 15, 0, 0, Vietnam));
        await grain.Apply([newcomer]);
        var afterNewcomer = await grain.GetStatus();
        var figures = await ExpectedFigures.ShownBy(grain, Periods);
        await fixture.Cluster.DeactivateAsync(grain);
        await fixture.Cluster.WaitForDeactivationAsync(grain);
        var fromSegments = await ExpectedFigures.ShownBy(grain, Periods);

        var expected = new ExpectedFigures(fixture.Cluster.Silos[0].ServiceProvider).Of(unit, october.Append(newcomer), Periods);
        running.Dossiers.Should().Be(2_000);
        running.SealedMonths.Should().Be(1, "October folded what had closed while the traffic was still in it");
        running.LiveDossiers.Should().BeLessThan(1_000, "the closed, quiet dossiers left memory");
        afterNewcomer.SealedMonths.Should().Be(1);
        afterNewcomer.LiveDossiers.Should().Be(running.LiveDossiers + 1, "a new receipt dated in the folded month is added live, not by a reopen");
        figures.Should().BeEquivalentTo(expected, o => o.WithStrictOrdering());
        fromSegments.Should().BeEquivalentTo(expected, o => o.WithStrictOrdering());
    }

    /// <summary>2,000 dossiers received through October 2026, most finished within days, in the order they happened.</summary>
    private static List<UnitEvent> October(string unit, Random random)
    {
        var events = new List<UnitEvent>();
        for (var i = 0; i < 2_000; i++)
        {
            var dossier = $"{unit}-oct-{i}";
            var received = new DateTimeOffset(2026, 10, 1 + random.Next(28), 8 + random.Next(9), random.Next(60), 0, Vietnam);
            events.Add(Events.Received(unit, dossier, received) with { DueAt = received.AddDays(1 + random.Next(5)) });
            if (random.Next(10) != 0)
            {
                events.Add(Events.Completed(unit, dossier, received.AddHours(4 + random.Next(100))));
            }
        }

        return [.. events.OrderBy(e => e.OccurredAt).ThenBy(e => e.EventId, StringComparer.Ordinal)];
    }
}
