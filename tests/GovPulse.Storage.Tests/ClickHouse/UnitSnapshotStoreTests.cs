using GovPulse.Storage.ClickHouse;
using GovPulse.Storage.Tests.Fixtures;

namespace GovPulse.Storage.Tests.ClickHouse;

[Collection(EmbeddedClickHouseCollectionDefinition.Name)]
public sealed class UnitSnapshotStoreTests(EmbeddedClickHouseFixture fixture)
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 20, 5, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_snapshot_comes_back_byte_for_byte_with_its_position()
    {
        await using var database = ServerModeDatabase.Create(fixture, "snapshots");
        var store = new UnitSnapshotStore(database);
        var state = new byte[3_000_000];
        new Random(5).NextBytes(state.AsSpan(0, 1_000_000)); // incompressible, every byte value, then runs of zeros
        var saved = new UnitSnapshot("26743", 1, 1_234_567, 1_234_560, Noon.AddMinutes(10), 200_000, 12, state);

        await store.SaveAsync(saved);
        var found = await store.FindLatestAsync("26743", 1);

        found.Should().NotBeNull();
        found!.State.ToArray().Should().Equal(state);
        found.Position.Should().Be(1_234_567);
        found.Events.Should().Be(1_234_560);
        found.TakenAt.Should().Be(Noon.AddMinutes(10));
        found.Dossiers.Should().Be(200_000);
        found.Petitions.Should().Be(12);
    }

    [Fact]
    public async Task The_highest_position_of_the_asked_format_wins_whatever_time_it_was_taken()
    {
        await using var database = ServerModeDatabase.Create(fixture, "snapshots");
        var store = new UnitSnapshotStore(database);
        await store.SaveAsync(new UnitSnapshot("26737", 1, 20, 20, Noon, 2, 0, new byte[] { 2 }));
        await store.SaveAsync(new UnitSnapshot("26737", 1, 10, 10, Noon.AddHours(1), 1, 0, new byte[] { 1 }));
        await store.SaveAsync(new UnitSnapshot("26737", 2, 5, 5, Noon, 3, 0, new byte[] { 3 }));

        (await store.FindLatestAsync("26737", 1))!.State.ToArray().Should().Equal(2);
        (await store.FindLatestAsync("26737", 2))!.State.ToArray().Should().Equal(3);
        (await store.FindLatestAsync("26737", 3)).Should().BeNull();
        (await store.FindLatestAsync("26740", 1)).Should().BeNull();
    }

    [Fact]
    public async Task Every_units_latest_snapshot_of_the_format_comes_in_one_read_as_each_alone()
    {
        await using var database = ServerModeDatabase.Create(fixture, "snapshots");
        var store = new UnitSnapshotStore(database);
        await store.SaveAsync(new UnitSnapshot("26737", 1, 20, 20, Noon, 2, 0, new byte[] { 2 }));
        await store.SaveAsync(new UnitSnapshot("26737", 1, 10, 10, Noon.AddHours(1), 1, 0, new byte[] { 1 }));
        await store.SaveAsync(new UnitSnapshot("26740", 1, 7, 6, Noon, 3, 1, new byte[] { 7, 7 }, [new SealedMonthKey(new DateOnly(2026, 9, 1), new string('a', 64))]));
        await store.SaveAsync(new UnitSnapshot("26743", 2, 5, 5, Noon, 3, 0, new byte[] { 3 }));

        var all = await store.FindAllLatestAsync(1);

        all.Keys.Should().BeEquivalentTo("26737", "26740");
        foreach (var (unit, latest) in all)
        {
            var alone = (await store.FindLatestAsync(unit, 1))!;
            latest.Should().BeEquivalentTo(alone, o => o.Excluding(s => s.State));
            latest.State.ToArray().Should().Equal(alone.State.ToArray());
        }

        all["26737"].State.ToArray().Should().Equal(2);
        all["26740"].SealedMonths.Should().ContainSingle();
        (await store.FindAllLatestAsync(3)).Should().BeEmpty();
    }

    [Fact]
    public async Task A_live_segment_names_its_sealed_months_and_an_older_snapshot_names_none()
    {
        await using var database = ServerModeDatabase.Create(fixture, "snapshots");
        var store = new UnitSnapshotStore(database);
        SealedMonthKey[] named = [new(new DateOnly(2026, 8, 1), new string('a', 64)), new(new DateOnly(2026, 9, 1), new string('B', 64))];
        await store.SaveAsync(new UnitSnapshot("26743", 3, 50, 50, Noon, 10, 1, new byte[] { 3 }, named));
        await store.SaveAsync(new UnitSnapshot("26743", 2, 40, 40, Noon, 10, 1, new byte[] { 2 }));

        (await store.FindLatestAsync("26743", 3))!.SealedMonths.Should().Equal(named);
        (await store.FindLatestAsync("26743", 3))!.SealedMonths![1].Sha256.Should().Be(new string('b', 64), "hashes are kept in lowercase hex");
        (await store.FindLatestAsync("26743", 2))!.SealedMonths.Should().BeEmpty();
    }

    [Fact]
    public async Task A_deleted_unit_has_no_snapshot_and_the_others_keep_theirs()
    {
        await using var database = ServerModeDatabase.Create(fixture, "snapshots");
        var store = new UnitSnapshotStore(database);
        await store.SaveAsync(new UnitSnapshot("26737", 1, 10, 10, Noon.AddHours(1), 1, 0, new byte[] { 1 }));
        await store.SaveAsync(new UnitSnapshot("26740", 1, 10, 10, Noon, 1, 0, new byte[] { 2 }));

        await store.DeleteAsync("26737");

        (await store.FindLatestAsync("26737", 1)).Should().BeNull();
        (await store.FindLatestAsync("26740", 1)).Should().NotBeNull();
    }
}
