using GovPulse.Storage.ClickHouse;
using GovPulse.Storage.Tests.Fixtures;

namespace GovPulse.Storage.Tests.ClickHouse;

[Collection(EmbeddedClickHouseCollectionDefinition.Name)]
public sealed class ApiKeyStoreTests(EmbeddedClickHouseFixture fixture)
{
    private static readonly DateTimeOffset Morning = new(2026, 11, 23, 2, 30, 0, TimeSpan.Zero);

    private static StoredApiKey Key(string id, DateTimeOffset createdAt, params string[] units) =>
        new(id, $"Key {id}", new string('a', 63) + id[^1], units, 600, createdAt, null);

    [Fact]
    public async Task A_stored_key_comes_back_with_its_hash_units_and_rate()
    {
        await using var database = ServerModeDatabase.Create(fixture, "keys");
        var store = new ApiKeyStore(database);
        var key = new StoredApiKey("k_0a1b2c3d", "Phường Tân Định one-stop shop", new string('f', 64), ["26737", "26740"], 120, Morning, null);

        await store.AddAsync(key);
        var found = await store.FindAsync("k_0a1b2c3d");

        found.Should().NotBeNull();
        found!.Name.Should().Be("Phường Tân Định one-stop shop");
        found.Sha256.Should().Be(new string('f', 64));
        found.Units.Should().Equal("26737", "26740");
        found.RatePerMinute.Should().Be(120);
        found.CreatedAt.Should().Be(Morning);
        found.RevokedAt.Should().BeNull();
        (await store.FindAsync("k_ffffffff")).Should().BeNull();
    }

    [Fact]
    public async Task A_key_for_every_unit_has_no_units()
    {
        await using var database = ServerModeDatabase.Create(fixture, "keys");
        var store = new ApiKeyStore(database);

        await store.AddAsync(Key("k_00000001", Morning));

        (await store.FindAsync("k_00000001"))!.Units.Should().BeEmpty();
    }

    [Fact]
    public async Task A_revoked_key_is_listed_with_its_first_revocation_time()
    {
        await using var database = ServerModeDatabase.Create(fixture, "keys");
        var store = new ApiKeyStore(database);
        await store.AddAsync(Key("k_00000002", Morning.AddMinutes(1), "26737"));
        await store.AddAsync(Key("k_00000001", Morning, "26740"));

        var revoked = await store.RevokeAsync("k_00000002", Morning.AddHours(1));
        var again = await store.RevokeAsync("k_00000002", Morning.AddHours(2));
        var keys = await store.ListAsync();

        revoked!.RevokedAt.Should().Be(Morning.AddHours(1));
        again!.RevokedAt.Should().Be(Morning.AddHours(1), "revoking twice changes nothing");
        keys.Select(k => k.Id).Should().Equal(["k_00000001", "k_00000002"], "oldest first, one row per key");
        keys[0].IsRevoked.Should().BeFalse();
        keys[1].RevokedAt.Should().Be(Morning.AddHours(1));
        keys[1].Units.Should().Equal("26737");
    }

    [Fact]
    public async Task Revoking_an_unknown_key_finds_nothing_and_stores_nothing()
    {
        await using var database = ServerModeDatabase.Create(fixture, "keys");
        var store = new ApiKeyStore(database);

        (await store.RevokeAsync("k_deadbeef", Morning)).Should().BeNull();
        (await store.ListAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task A_revocation_survives_the_merge_whatever_the_clocks_said()
    {
        await using var database = ServerModeDatabase.Create(fixture, "keys");
        var store = new ApiKeyStore(database);
        await store.AddAsync(Key("k_00000003", Morning));
        // A node whose clock is behind revokes "before" the key was created: the version still wins.
        await store.RevokeAsync("k_00000003", Morning.AddHours(-1));
        var client = await database.GetClientAsync();
        await client.ExecuteNonQueryAsync("OPTIMIZE TABLE api_keys FINAL");

        var key = await store.FindAsync("k_00000003");
        var rows = await client.ExecuteScalarAsync("SELECT count() FROM api_keys");

        key!.RevokedAt.Should().Be(Morning.AddHours(-1));
        Convert.ToInt64(rows, System.Globalization.CultureInfo.InvariantCulture).Should().Be(1);
    }
}
