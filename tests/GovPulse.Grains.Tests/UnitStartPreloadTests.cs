using System.Collections.Immutable;
using GovPulse.Grains.Ledger;
using GovPulse.Grains.Tests.Fixtures;
using GovPulse.Indicators.Events;
using GovPulse.Indicators.Periods;
using GovPulse.Indicators.Units;
using GovPulse.Storage.ClickHouse;
using Microsoft.Extensions.DependencyInjection;

namespace GovPulse.Grains.Tests;

/// <summary>
/// A unit whose start was read ahead with every other unit's (sealed months, live segment, the tail
/// after it) activates from it and answers every period as one that reads its own; a start that may
/// be stale (someone else may have written) is not used. Real cluster, real ClickHouse.
/// </summary>
public sealed class UnitStartPreloadTests(SealedMonthsClusterFixture fixture) : IClassFixture<SealedMonthsClusterFixture>
{
    private static readonly Period[] Every =
    [
        Period.Month(2026, 9), Period.Month(2026, 10), Period.Quarter(2026, 4), Period.Year(2026), Period.Month(2027, 1),
        new(PeriodKind.Range, new DateOnly(2026, 10, 1), new DateOnly(2027, 1, 31)),
    ];

    [Fact]
    public async Task A_unit_started_from_what_was_read_ahead_answers_every_period_as_one_that_reads_its_own()
    {
        const string unit = "26743"; // Phường Bến Thành
        var grain = fixture.Cluster.Client.GetGrain<IUnitGrain>(unit);
        var events = SealedMonthGrainTests.History(unit, seed: 41);
        var cut = events.Count * 3 / 4;
        await grain.Apply(events[..cut].ToImmutableArray());
        var position = await grain.SaveSnapshot(); // seals September and October
        await grain.Apply(events[cut..].ToImmutableArray()); // the tail after the segments
        var live = await ExpectedFigures.ShownBy(grain, Every);
        await Reactivate(grain);

        var start = (await ReadAheadAsync())[unit];
        HoldOnEverySilo(unit, start, stillValid: true);
        var status = await grain.GetStatus();
        var fromStart = await ExpectedFigures.ShownBy(grain, Every);

        start.Latest!.Position.Should().Be(position);
        start.LatestHolds.Should().BeTrue();
        start.SealedMonths.Should().HaveCount(2);
        start.TailAfter.Should().Be(position);
        start.Tail.Should().HaveCount(events.Count - cut);
        TakenOnOneSilo();
        status.RebuiltFromSnapshot.Should().Be(position);
        status.ReplayedEvents.Should().Be(events.Count - cut);
        status.SealedMonths.Should().Be(2);
        fromStart.Should().BeEquivalentTo(live, o => o.WithStrictOrdering());
        fromStart.Take(4).Should().BeEquivalentTo(new ExpectedFigures(Silo).Of(unit, events, Every.Take(4).ToArray()), o => o.WithStrictOrdering());
    }

    [Fact]
    public async Task A_start_that_may_be_stale_is_dropped_and_the_unit_reads_its_log_with_what_was_stored_since()
    {
        const string unit = "26737"; // Phường Tân Định
        var grain = fixture.Cluster.Client.GetGrain<IUnitGrain>(unit);
        var events = SealedMonthGrainTests.History(unit, seed: 43);
        await grain.Apply(events[..^10].ToImmutableArray());
        var position = await grain.SaveSnapshot();
        await Reactivate(grain);
        var start = (await ReadAheadAsync())[unit];
        // Stored by another writer after the read: the start no longer holds the whole log.
        await fixture.Store.AppendAsync(LoggedEvent.After(position, events[^10..]));

        HoldOnEverySilo(unit, start, stillValid: false);
        var status = await grain.GetStatus();
        var figures = await ExpectedFigures.ShownBy(grain, Every);

        start.Tail.Should().BeEmpty();
        TakenOnOneSilo();
        status.RebuiltFromSnapshot.Should().Be(position);
        status.ReplayedEvents.Should().Be(10, "the unit read its own tail, with the events stored after the read-ahead");
        figures.Take(4).Should().BeEquivalentTo(new ExpectedFigures(Silo).Of(unit, events, Every.Take(4).ToArray()), o => o.WithStrictOrdering());
    }

    [Fact]
    public async Task A_start_whose_rows_differ_counts_the_ids_and_keeps_the_segment_when_they_match()
    {
        const string unit = "26740"; // Phường Sài Gòn
        var grain = fixture.Cluster.Client.GetGrain<IUnitGrain>(unit);
        var events = SealedMonthGrainTests.History(unit, seed: 47);
        await grain.Apply(events.ToImmutableArray());
        var position = await grain.SaveSnapshot();
        await Reactivate(grain);
        // What the read-ahead says when the rows up to the segment are not the events it counted (a repeat row).
        var start = (await ReadAheadAsync())[unit] with { LatestHolds = false };

        HoldOnEverySilo(unit, start, stillValid: true);
        var status = await grain.GetStatus();
        var figures = await ExpectedFigures.ShownBy(grain, Every);

        TakenOnOneSilo();
        status.RebuiltFromSnapshot.Should().Be(position, "the log's ids up to the segment are the ones it counted");
        status.ReplayedEvents.Should().Be(0);
        figures.Take(4).Should().BeEquivalentTo(new ExpectedFigures(Silo).Of(unit, events, Every.Take(4).ToArray()), o => o.WithStrictOrdering());
    }

    [Fact]
    public async Task A_start_whose_rows_differ_because_another_writer_stored_below_the_segment_replays_the_whole_log()
    {
        const string unit = "27154"; // Phường Bàn Cờ
        var grain = fixture.Cluster.Client.GetGrain<IUnitGrain>(unit);
        var events = SealedMonthGrainTests.History(unit, seed: 53);
        await grain.Apply(events[..^1].ToImmutableArray());
        var position = await grain.SaveSnapshot();
        await Reactivate(grain);
        // A duplicate activation numbered an event the segment never saw at a position it covers.
        await fixture.Store.AppendAsync(LoggedEvent.After(position - 1, events[^1..]));
        var start = (await ReadAheadAsync())[unit];

        HoldOnEverySilo(unit, start, stillValid: true);
        var status = await grain.GetStatus();
        var figures = await ExpectedFigures.ShownBy(grain, Every);

        start.LatestHolds.Should().BeFalse();
        TakenOnOneSilo();
        status.RebuiltFromSnapshot.Should().BeNull("the segment does not hold every event stored at or below its position");
        status.ReplayedEvents.Should().Be(events.Count);
        figures.Take(4).Should().BeEquivalentTo(new ExpectedFigures(Silo).Of(unit, events, Every.Take(4).ToArray()), o => o.WithStrictOrdering());
    }

    [Fact]
    public async Task A_unit_activating_while_the_read_is_under_way_waits_for_it_and_starts_from_it()
    {
        const string unit = "26758"; // Phường Cầu Ông Lãnh
        var grain = fixture.Cluster.Client.GetGrain<IUnitGrain>(unit);
        var events = SealedMonthGrainTests.History(unit, seed: 47);
        await grain.Apply(events.ToImmutableArray());
        var position = await grain.SaveSnapshot();
        var live = await ExpectedFigures.ShownBy(grain, Every);
        await Reactivate(grain);
        var start = (await ReadAheadAsync())[unit];
        var readEnds = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        foreach (var preload in Preloads)
        {
            preload.Expect(HoldWhenReadEnds(preload));
        }

        var activated = grain.GetStatus();
        await Until(() => Preloads.Sum(p => p.Waiting) == 1);
        readEnds.SetResult();
        var status = await activated;

        TakenOnOneSilo();
        status.RebuiltFromSnapshot.Should().Be(position, "the unit waited for the read and started from the segments it held");
        status.ReplayedEvents.Should().Be(0);
        (await ExpectedFigures.ShownBy(grain, Every)).Should().BeEquivalentTo(live, o => o.WithStrictOrdering());

        async Task HoldWhenReadEnds(UnitStartPreload preload)
        {
            await readEnds.Task;
            preload.Hold(new Dictionary<string, UnitStart> { [unit] = start }, () => true);
        }
    }

    /// <summary>Waits, bounded, until <paramref name="condition"/> holds (an activation reaching the preload gives no other signal).</summary>
    private static async Task Until(Func<bool> condition)
    {
        for (var look = 0; !condition(); look++)
        {
            look.Should().BeLessThan(3_000, "the condition holds within 30 s");
            await Task.Delay(10);
        }
    }

    private IServiceProvider Silo => fixture.Cluster.Silos[0].ServiceProvider;

    private IEnumerable<UnitStartPreload> Preloads => fixture.Cluster.Silos.Select(s => s.ServiceProvider.GetRequiredService<UnitStartPreload>());

    private Task<IReadOnlyDictionary<string, UnitStart>> ReadAheadAsync() =>
        UnitStartPreload.ReadAsync(
            Silo.GetRequiredService<UnitDirectory>(),
            Silo.GetRequiredService<IEventStore>(),
            Silo.GetRequiredService<IUnitSnapshotStore>(),
            Silo.GetRequiredService<ISealedMonthStore>(),
            Silo.GetRequiredService<IQuarantineStore>(),
            maxTailEvents: 10_000,
            CancellationToken.None);

    /// <summary>Only this unit's start: the other tests' units change after the read.</summary>
    private void HoldOnEverySilo(string unit, UnitStart start, bool stillValid)
    {
        foreach (var preload in Preloads)
        {
            preload.Hold(new Dictionary<string, UnitStart> { [unit] = start }, () => stillValid);
        }
    }

    /// <summary>The silo the unit activated on took its start; the others' copies are dropped, so no later test meets them.</summary>
    private void TakenOnOneSilo()
    {
        Preloads.Sum(p => p.Count).Should().Be(fixture.Cluster.Silos.Count - 1, "the unit took its start on the silo it activated on");
        foreach (var preload in Preloads)
        {
            preload.Forget();
        }
    }

    private async Task Reactivate(IUnitGrain grain)
    {
        await fixture.Cluster.DeactivateAsync(grain);
        await fixture.Cluster.WaitForDeactivationAsync(grain);
    }
}
