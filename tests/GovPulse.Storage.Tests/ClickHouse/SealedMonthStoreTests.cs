using System.Security.Cryptography;
using ClickHouse.Driver.ADO.Parameters;
using ClickHouse.Driver.Utility;
using GovPulse.Storage.ClickHouse;
using GovPulse.Storage.Tests.Fixtures;

namespace GovPulse.Storage.Tests.ClickHouse;

[Collection(EmbeddedClickHouseCollectionDefinition.Name)]
public sealed class SealedMonthStoreTests(EmbeddedClickHouseFixture fixture)
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 20, 5, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly September = new(2026, 9, 1);
    private static readonly DateOnly October = new(2026, 10, 1);

    [Fact]
    public async Task A_sealed_month_comes_back_byte_for_byte_under_its_key()
    {
        await using var database = ServerModeDatabase.Create(fixture, "sealed");
        var store = new SealedMonthStore(database);
        var state = new byte[2_000_000];
        new Random(9).NextBytes(state.AsSpan(0, 500_000)); // incompressible, then runs of zeros
        var saved = Month("26743", September, state, dossiers: 31_000, petitions: 7);

        await store.SaveAsync([saved]);
        var found = await store.ReadAsync("26743", [saved.Key]);

        found.Should().ContainSingle();
        found[0].State.ToArray().Should().Equal(state);
        found[0].Key.Should().Be(saved.Key);
        found[0].UnitCode.Should().Be("26743");
        found[0].Dossiers.Should().Be(31_000);
        found[0].Petitions.Should().Be(7);
        found[0].SavedAt.Should().Be(Noon);
    }

    [Fact]
    public async Task The_same_month_saved_twice_is_one_row_and_a_resealed_month_is_another()
    {
        await using var database = ServerModeDatabase.Create(fixture, "sealed");
        var store = new SealedMonthStore(database);
        var first = Month("26737", September, [1, 2, 3]);
        var resealed = Month("26737", September, [1, 2, 3, 4]);

        await store.SaveAsync([first]);
        await store.SaveAsync([first with { SavedAt = Noon.AddHours(1) }, resealed]);
        var client = await database.GetClientAsync();
        await client.ExecuteNonQueryAsync("OPTIMIZE TABLE unit_sealed_months FINAL");
        var rows = Convert.ToInt64(await client.ExecuteScalarAsync("SELECT count() FROM unit_sealed_months"), System.Globalization.CultureInfo.InvariantCulture);

        rows.Should().Be(2, "one row per (unit, month, sha256)");
        (await store.ReadAsync("26737", [first.Key])).Should().ContainSingle().Which.State.ToArray().Should().Equal(1, 2, 3);
        (await store.ReadAsync("26737", [resealed.Key])).Should().ContainSingle().Which.State.ToArray().Should().Equal(1, 2, 3, 4);
    }

    [Fact]
    public async Task A_read_gives_exactly_the_named_months_of_the_unit()
    {
        await using var database = ServerModeDatabase.Create(fixture, "sealed");
        var store = new SealedMonthStore(database);
        var (september, october, _) = await SaveResealedMonthsAsync(store);

        var found = await store.ReadAsync("26740", [september.Key, october.Key, new SealedMonthKey(new DateOnly(2026, 8, 1), september.Key.Sha256)]);

        found.Select(m => m.Key).Should().Equal(september.Key, october.Key);
        found.Should().OnlyContain(m => m.UnitCode == "26740");
        (await store.ReadAsync("26740", [])).Should().BeEmpty();
        (await store.ReadAsync("26741", [september.Key])).Should().BeEmpty();
    }

    [Fact]
    public async Task Reading_every_unit_at_once_gives_each_unit_exactly_its_named_months()
    {
        await using var database = ServerModeDatabase.Create(fixture, "sealed");
        var store = new SealedMonthStore(database);
        var (september, october, otherUnit) = await SaveResealedMonthsAsync(store);
        await store.SaveAsync([Month("26737", October, [1])]); // named by no one

        var found = await store.ReadAllAsync(new Dictionary<string, IReadOnlyCollection<SealedMonthKey>>
        {
            ["26740"] = [september.Key, october.Key],
            ["26743"] = [otherUnit.Key],
            ["26741"] = [september.Key],
            ["26737"] = [],
        });

        found.Keys.Should().BeEquivalentTo("26740", "26743", "26741");
        var alone = await store.ReadAsync("26740", [september.Key, october.Key]);
        found["26740"].Should().BeEquivalentTo(alone, o => o.Excluding(m => m.State).WithStrictOrdering());
        found["26740"].Select(m => m.State.ToArray()).Should().BeEquivalentTo(new[] { new byte[] { 9 }, [10, 10] }, o => o.WithStrictOrdering());
        found["26740"].Select(m => m.Key).Should().Equal(september.Key, october.Key);
        found["26743"].Should().ContainSingle().Which.UnitCode.Should().Be("26743");
        found["26741"].Should().BeEmpty();
    }

    [Fact]
    public async Task A_damaged_row_is_not_given_so_the_reader_falls_back_to_the_log()
    {
        await using var database = ServerModeDatabase.Create(fixture, "sealed");
        var store = new SealedMonthStore(database);
        var garbled = Month("26743", September, [1, 2, 3]);
        var swapped = Month("26743", October, [4, 5, 6]);
        await store.SaveAsync([garbled, swapped]);
        var client = await database.GetClientAsync();
        var parameters = new ClickHouseParameterCollection();
        parameters.AddParameter("sha", garbled.Key.Sha256);
        await client.ExecuteNonQueryAsync(
            "ALTER TABLE unit_sealed_months UPDATE state = 'not base64 at all' WHERE sha256 = {sha:String} SETTINGS mutations_sync = 1", parameters);
        parameters = new ClickHouseParameterCollection();
        parameters.AddParameter("sha", swapped.Key.Sha256);
        // Decompresses fine, but to other bytes than the key's hash.
        using var compressor = new ZstdSharp.Compressor(3);
        var other = Convert.ToBase64String(compressor.Wrap(new byte[] { 4, 5, 7 }).ToArray());
        parameters.AddParameter("state", other);
        await client.ExecuteNonQueryAsync(
            "ALTER TABLE unit_sealed_months UPDATE state = {state:String} WHERE sha256 = {sha:String} SETTINGS mutations_sync = 1", parameters);

        (await store.ReadAsync("26743", [garbled.Key, swapped.Key])).Should().BeEmpty();
    }

    [Fact]
    public async Task A_deleted_unit_has_no_sealed_months_and_the_others_keep_theirs()
    {
        await using var database = ServerModeDatabase.Create(fixture, "sealed");
        var store = new SealedMonthStore(database);
        var mine = Month("26737", September, [1]);
        var theirs = Month("26740", September, [1]);
        await store.SaveAsync([mine, theirs]);

        await store.DeleteAsync("26737");

        (await store.ReadAsync("26737", [mine.Key])).Should().BeEmpty();
        (await store.ReadAsync("26740", [theirs.Key])).Should().ContainSingle();
    }

    /// <summary>26740's September and its October sealed twice (the later one current), and 26743's October with the same bytes, hence the same hash.</summary>
    private static async Task<(StoredSealedMonth September, StoredSealedMonth October, StoredSealedMonth OtherUnit)> SaveResealedMonthsAsync(SealedMonthStore store)
    {
        var september = Month("26740", September, [9]);
        var october = Month("26740", October, [10, 10]);
        var otherUnit = Month("26743", October, [10, 10]);
        await store.SaveAsync([september, Month("26740", October, [10]), october, otherUnit]);
        return (september, october, otherUnit);
    }

    private static StoredSealedMonth Month(string unit, DateOnly month, byte[] state, int dossiers = 1, int petitions = 0) =>
        new(unit, new SealedMonthKey(month, Convert.ToHexStringLower(SHA256.HashData(state))), dossiers, petitions, Noon, state);
}
