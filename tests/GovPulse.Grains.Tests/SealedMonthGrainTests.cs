using System.Collections.Immutable;
using ClickHouse.Driver.ADO.Parameters;
using ClickHouse.Driver.Utility;
using GovPulse.Grains.Tests.Fixtures;
using GovPulse.Indicators.Events;
using GovPulse.Indicators.Periods;
using GovPulse.Storage.ClickHouse;
using Microsoft.Extensions.DependencyInjection;

namespace GovPulse.Grains.Tests;

/// <summary>
/// A unit grain that seals its ended months keeps answering every period as a ledger that never seals
/// would: from its sealed tallies, after a deactivation from its segments, and after a late event
/// reopens a sealed month through the event log. Real cluster, real ClickHouse.
/// </summary>
public sealed class SealedMonthGrainTests(SealedMonthsClusterFixture fixture) : IClassFixture<SealedMonthsClusterFixture>
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    /// <summary>Ended periods (month, quarter, year, range), judged at their end whenever asked.</summary>
    private static readonly Period[] Ended =
    [
        Period.Month(2026, 9), Period.Month(2026, 10), Period.Quarter(2026, 3), Period.Quarter(2026, 4), Period.Year(2026),
        new(PeriodKind.Range, new DateOnly(2026, 9, 12), new DateOnly(2026, 10, 19)),
    ];

    /// <summary>Ended and current periods: the current ones are judged at the fixture's standing clock.</summary>
    private static readonly Period[] Every = [.. Ended, Period.Month(2027, 1), Period.Year(2027), new(PeriodKind.Range, new DateOnly(2026, 10, 1), new DateOnly(2027, 1, 31))];

    [Fact]
    public async Task A_unit_reactivated_from_its_sealed_months_answers_every_period_as_before()
    {
        const string unit = "26743"; // Phường Bến Thành
        var grain = fixture.Cluster.Client.GetGrain<IUnitGrain>(unit);
        var events = History(unit, seed: 16);
        await grain.Apply(events.ToImmutableArray());
        var neverSealed = await ExpectedFigures.ShownBy(grain, Every);
        var unsealed = await grain.GetStatus();

        var position = await grain.SaveSnapshot(); // seals first
        var sealedStatus = await grain.GetStatus();
        var fromSealed = await ExpectedFigures.ShownBy(grain, Every);
        await Reactivate(grain);
        var reactivated = await grain.GetStatus();
        var fromSegments = await ExpectedFigures.ShownBy(grain, Every);

        unsealed.SealedMonths.Should().Be(0);
        sealedStatus.SealedMonths.Should().Be(2, "September and October 2026 are past their grace");
        sealedStatus.LiveDossiers.Should().BeLessThan(sealedStatus.Dossiers / 2, "their closed dossiers left memory");
        sealedStatus.Dossiers.Should().Be(unsealed.Dossiers);
        reactivated.RebuiltFromSnapshot.Should().Be(position);
        reactivated.ReplayedEvents.Should().Be(0);
        reactivated.SealedMonths.Should().Be(2);
        reactivated.LiveDossiers.Should().Be(sealedStatus.LiveDossiers);
        reactivated.Dossiers.Should().Be(unsealed.Dossiers);
        neverSealed.Take(Ended.Length).Should().BeEquivalentTo(new ExpectedFigures(Silo).Of(unit, events, Ended), o => o.WithStrictOrdering());
        fromSealed.Should().BeEquivalentTo(neverSealed, o => o.WithStrictOrdering());
        fromSegments.Should().BeEquivalentTo(neverSealed, o => o.WithStrictOrdering());
    }

    [Fact]
    public async Task A_late_event_for_a_sealed_month_reopens_it_from_the_log_and_the_figures_equal_a_never_sealed_ledgers()
    {
        const string unit = "26737"; // Phường Tân Định
        var grain = fixture.Cluster.Client.GetGrain<IUnitGrain>(unit);
        var events = History(unit, seed: 61);
        await grain.Apply(events.ToImmutableArray());
        await grain.SaveSnapshot();
        await Reactivate(grain); // the sealed months' dossiers are nowhere in memory now
        var sealedBefore = await grain.GetStatus();

        // A new dossier received in sealed September, and a rating of a September dossier folded long ago.
        var folded = events.First(e => e.Type == EventType.DossierRefused && e.OccurredAt.Month == 9);
        List<UnitEvent> late =
        [
            Events.Received(unit, $"{unit}-late", new DateTimeOffset(2026, 9, 21, 9, 30, 0, Vietnam)),
            Events.Completed(unit, $"{unit}-late", new DateTimeOffset(2026, 9, 22, 16, 0, 0, Vietnam)),
            new() { EventId = $"{folded.DossierId}-late-rating", Type = EventType.DossierRated, OccurredAt = StandingClockClusterFixture.Now.AddDays(-1), UnitCode = unit, DossierId = folded.DossierId, Rating = Rating.Dissatisfied },
        ];
        await grain.Apply(late.ToImmutableArray());
        var reopened = await grain.GetStatus();
        var afterLate = await ExpectedFigures.ShownBy(grain, Ended);
        await grain.SaveSnapshot();
        var resealed = await grain.GetStatus();
        await Reactivate(grain);
        var fromSegments = await ExpectedFigures.ShownBy(grain, Ended);

        var expected = new ExpectedFigures(Silo).Of(unit, events.Concat(late), Ended);
        sealedBefore.SealedMonths.Should().Be(2);
        reopened.SealedMonths.Should().Be(1, "September came back from the log; October stays sealed");
        reopened.Dossiers.Should().Be(sealedBefore.Dossiers + 1);
        afterLate.Should().BeEquivalentTo(expected, o => o.WithStrictOrdering());
        afterLate.Should().NotBeEquivalentTo(new ExpectedFigures(Silo).Of(unit, events, Ended), "the late events count");
        resealed.SealedMonths.Should().Be(2, "the next seal pass sealed September again");
        fromSegments.Should().BeEquivalentTo(expected, o => o.WithStrictOrdering());
    }

    [Fact]
    public async Task A_rebuild_whose_sealed_month_row_is_damaged_replays_the_whole_log()
    {
        const string unit = "26740"; // Phường Sài Gòn
        var grain = fixture.Cluster.Client.GetGrain<IUnitGrain>(unit);
        var events = History(unit, seed: 7);
        await grain.Apply(events.ToImmutableArray());
        var live = await ExpectedFigures.ShownBy(grain, Every);
        await grain.SaveSnapshot();
        var database = Silo.GetRequiredService<ClickHouseDatabase>();
        var client = await database.GetClientAsync();
        var parameters = new ClickHouseParameterCollection();
        parameters.AddParameter("unit", unit);
        await client.ExecuteNonQueryAsync(
            "ALTER TABLE unit_sealed_months UPDATE state = 'AAAA' WHERE unit_code = {unit:String} AND toMonth(month) = 9 SETTINGS mutations_sync = 1", parameters);

        await Reactivate(grain);
        var status = await grain.GetStatus();

        status.RebuiltFromSnapshot.Should().BeNull();
        status.ReplayedEvents.Should().Be(events.Count);
        status.SealedMonths.Should().Be(2, "the activation sealed its months again after the replay");
        (await ExpectedFigures.ShownBy(grain, Every)).Should().BeEquivalentTo(live, o => o.WithStrictOrdering());
    }

    [Fact]
    public async Task A_busy_unit_seals_as_its_traffic_moves_on_not_by_the_clock_so_a_backfill_keeps_the_months_it_sends_live()
    {
        const string unit = "26506"; // Phường Vũng Tàu
        var grain = fixture.Cluster.Client.GetGrain<IUnitGrain>(unit);
        // Over 5,000 events each: a seal pass runs while each batch is applied.
        var september = UnitSnapshotTests.Dossiers(unit, new Random(5), 1_700).ToList();
        var later = UnitSnapshotTests.Dossiers(unit, new Random(6), 1_700)
            .Select(e => e with { EventId = "later-" + e.EventId, DossierId = "later-" + e.DossierId, OccurredAt = e.OccurredAt.AddDays(40), DueAt = e.DueAt?.AddDays(40) })
            .ToList();

        await grain.Apply(september.ToImmutableArray());
        var whileSending = await grain.GetStatus();
        await grain.Apply(later.ToImmutableArray());
        var movedOn = await grain.GetStatus();
        var figures = await ExpectedFigures.ShownBy(grain, Ended);

        september.Count.Should().BeGreaterThan(5_000);
        later.Count.Should().BeGreaterThan(5_000);
        whileSending.SealedMonths.Should().Be(0, "by the clock September and October are past their grace, but the traffic is still in October");
        movedOn.SealedMonths.Should().Be(1, "with the traffic in December, September is past its 62 days and October is not");
        figures.Should().BeEquivalentTo(new ExpectedFigures(Silo).Of(unit, september.Concat(later), Ended), o => o.WithStrictOrdering());
    }

    private IServiceProvider Silo => fixture.Cluster.Silos[0].ServiceProvider;

    private async Task Reactivate(IUnitGrain grain)
    {
        await fixture.Cluster.DeactivateAsync(grain);
        await fixture.Cluster.WaitForDeactivationAsync(grain);
    }

    /// <summary>
    /// Dossiers received in September and October 2026 (sealed by the fixture's clock; about a fifth of
    /// them never finish and stay live) and a few in January 2027, the current month.
    /// </summary>
    internal static List<UnitEvent> History(string unit, int seed)
    {
        var events = UnitSnapshotTests.Dossiers(unit, new Random(seed), 300).ToList();
        for (var i = 0; i < 12; i++)
        {
            var received = new DateTimeOffset(2027, 1, 5 + i, 9, 0, 0, Vietnam);
            events.Add(Events.Received(unit, $"{unit}-january-{i}", received));
            if (i % 3 != 0)
            {
                events.Add(Events.Completed(unit, $"{unit}-january-{i}", received.AddHours(20 + i)));
            }
        }

        return events;
    }
}
