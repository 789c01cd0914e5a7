using System.Collections.Immutable;
using GovPulse.Grains.Tests.Fixtures;
using GovPulse.Indicators.Dossiers;
using GovPulse.Indicators.Events;
using GovPulse.Indicators.Periods;
using GovPulse.Indicators.Scoring;
using GovPulse.Storage.ClickHouse;
using Microsoft.Extensions.DependencyInjection;

namespace GovPulse.Grains.Tests;

/// <summary>A unit rebuilt from its snapshot plus the tail gives the figures a full replay gives.</summary>
public sealed class UnitSnapshotTests(SnapshotClusterFixture fixture) : IClassFixture<SnapshotClusterFixture>
{
    // Ended periods, so every scorecard is judged at the same evaluation time whenever it is asked.
    private static readonly Period[] Periods = [Period.Month(2026, 9), Period.Month(2026, 10), Period.Quarter(2026, 3)];

    [Fact]
    public async Task Scorecards_from_a_snapshot_and_the_tail_equal_those_of_a_full_replay()
    {
        const string unit = "26743"; // Phường Bến Thành
        var grain = fixture.Cluster.Client.GetGrain<IUnitGrain>(unit);
        var random = new Random(2026);
        var events = Dossiers(unit, random, 400).ToList();
        var cut = events.Count * 2 / 3;
        var covered = events.Take(cut).OrderBy(_ => random.Next()).ToList();
        await StoreAndApply(grain, covered);
        var position = await grain.SaveSnapshot();

        // The tail: the rest, plus some covered events sent again (the source retried).
        var tail = events.Skip(cut).Concat(covered.Where(_ => random.Next(10) == 0)).OrderBy(_ => random.Next()).ToList();
        await StoreAndApply(grain, tail);
        var live = await ScorecardsOf(grain);

        await Reactivate(grain);
        var status = await grain.GetStatus();
        var fromSnapshot = await ScorecardsOf(grain);

        await TruncateSnapshots();
        await Reactivate(grain);
        var fullStatus = await grain.GetStatus();
        var fullReplay = await ScorecardsOf(grain);

        status.RebuiltFromSnapshot.Should().Be(position);
        status.ReplayedEvents.Should().Be(tail.Count);
        status.Dossiers.Should().Be(400);
        fullStatus.RebuiltFromSnapshot.Should().BeNull();
        fullStatus.ReplayedEvents.Should().Be(events.Count);
        live.Select(s => s.Counts.Received).Should().OnlyContain(n => n > 0);
        fromSnapshot.Should().BeEquivalentTo(fullReplay, o => o.WithStrictOrdering());
        fromSnapshot.Should().BeEquivalentTo(live, o => o.WithStrictOrdering());
    }

    [Fact]
    public async Task A_snapshot_that_cannot_be_read_is_ignored_and_the_unit_replays_every_event()
    {
        const string unit = "26737"; // Phường Tân Định
        var grain = fixture.Cluster.Client.GetGrain<IUnitGrain>(unit);
        var events = Dossiers(unit, new Random(7), 60).ToList();
        await StoreAndApply(grain, events);
        var live = await ScorecardsOf(grain);
        var store = fixture.Cluster.Silos[0].ServiceProvider.GetRequiredService<IUnitSnapshotStore>();
        await store.SaveAsync(new UnitSnapshot(unit, UnitLedger.SegmentFormat, events.Count, events.Count, DateTimeOffset.UtcNow, 60, 0, new byte[] { 42, 0, 7, 1, 9 }));

        await Reactivate(grain);
        var status = await grain.GetStatus();

        status.RebuiltFromSnapshot.Should().BeNull();
        status.ReplayedEvents.Should().Be(events.Count);
        (await ScorecardsOf(grain)).Should().BeEquivalentTo(live, o => o.WithStrictOrdering());
    }

    [Fact]
    public async Task A_rebuild_reads_every_stored_event_even_those_the_grain_never_got()
    {
        const string unit = "26740"; // Phường Sài Gòn
        var grain = fixture.Cluster.Client.GetGrain<IUnitGrain>(unit);
        var events = Dossiers(unit, new Random(3), 40).ToList();
        await StoreAndApply(grain, events[..20]);
        await grain.SaveSnapshot();
        await fixture.Store.AppendAsync(LoggedEvent.After(20, events[20..])); // stored, but never delivered to this grain (another writer)
        var partial = await ScorecardsOf(grain);

        var status = await grain.Rebuild();
        var rebuilt = await ScorecardsOf(grain);
        await Reactivate(grain);

        status.RebuiltFromSnapshot.Should().BeNull();
        status.ReplayedEvents.Should().Be(events.Count);
        status.Dossiers.Should().Be(40);
        partial.Sum(s => s.Counts.Received).Should().BeLessThan(rebuilt.Sum(s => s.Counts.Received));
        (await grain.GetStatus()).RebuiltFromSnapshot.Should().Be(status.LastSnapshot, "the rebuild saved a snapshot that holds everything");
        (await ScorecardsOf(grain)).Should().BeEquivalentTo(rebuilt, o => o.WithStrictOrdering());
    }

    /// <summary>The unit grain stores the events in its log and applies them.</summary>
    private static async Task StoreAndApply(IUnitGrain grain, IReadOnlyList<UnitEvent> events) =>
        await grain.Apply(events.ToImmutableArray());

    private async Task Reactivate(IUnitGrain grain)
    {
        await fixture.Cluster.DeactivateAsync(grain);
        await fixture.Cluster.WaitForDeactivationAsync(grain);
    }

    private async Task TruncateSnapshots()
    {
        var database = fixture.Cluster.Silos[0].ServiceProvider.GetRequiredService<ClickHouseDatabase>();
        var client = await database.GetClientAsync();
        await client.ExecuteNonQueryAsync("TRUNCATE TABLE unit_log_snapshots");
    }

    private static async Task<List<Scorecard>> ScorecardsOf(IUnitGrain grain)
    {
        var scorecards = new List<Scorecard>();
        foreach (var period in Periods)
        {
            scorecards.Add(await grain.GetScorecard(period));
        }

        return scorecards;
    }

    /// <summary>Dossiers received in September and October 2026 with varied lives: supplements, late and early finishes, refusals, payments, ratings.</summary>
    internal static IEnumerable<UnitEvent> Dossiers(string unit, Random random, int count)
    {
        var vietnam = TimeSpan.FromHours(7);
        for (var i = 0; i < count; i++)
        {
            var id = $"{unit}-snap-{i}";
            var received = new DateTimeOffset(2026, 9 + random.Next(2), 1 + random.Next(28), 8 + random.Next(9), random.Next(60), 0, vietnam);
            UnitEvent Fact(EventType type, DateTimeOffset at) => new() { EventId = $"{id}-{type}", Type = type, OccurredAt = at, UnitCode = unit, DossierId = id };

            yield return Fact(EventType.DossierReceived, received) with
            {
                ProcedureCode = random.Next(3) == 0 ? "1.000894" : "2.000815",
                Channel = random.Next(2) == 0 ? Channel.Online : Channel.Direct,
                DueAt = random.Next(4) == 0 ? null : received.AddHours(24 + random.Next(120)),
                StatutoryWorkingDays = 3,
                Fee = random.Next(3) * 15_000,
                PaperResult = random.Next(2) == 0,
            };
            if (random.Next(8) == 0)
            {
                yield return Fact(EventType.SupplementRequested, received.AddHours(3));
                yield return Fact(EventType.SupplementReceived, received.AddHours(27));
            }

            yield return random.Next(10) switch
            {
                0 => Fact(EventType.DossierRefused, received.AddHours(20)),
                1 => Fact(EventType.ProcessingCompleted, received.AddDays(9)),
                2 or 3 => Fact(EventType.PaymentCompleted, received.AddMinutes(20)) with { Online = true, Amount = 15_000 },
                _ => Fact(EventType.ProcessingCompleted, received.AddHours(random.Next(90))),
            };
            yield return Fact(EventType.DossierDigitized, received.AddMinutes(40)) with { ReusedData = random.Next(2) == 0 };
            if (random.Next(5) == 0)
            {
                yield return Fact(EventType.DossierRated, received.AddDays(5)) with { Rating = (Rating)random.Next(3) };
            }
        }
    }
}
