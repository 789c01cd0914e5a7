using System.Globalization;
using GovPulse.Storage.ClickHouse;
using GovPulse.Storage.Tests.Fixtures;

namespace GovPulse.Storage.Tests.ClickHouse;

[Collection(EmbeddedClickHouseCollectionDefinition.Name)]
public sealed class UserStoreTests(EmbeddedClickHouseFixture fixture)
{
    private static readonly DateTimeOffset Morning = new(2026, 11, 23, 2, 30, 0, 123, TimeSpan.Zero);

    private static StoredUser User(string username, string role = "leader", string? unit = null, DateTimeOffset? at = null) =>
        new(username, $"Người dùng {username}", role, unit, "AQAAAAIAAYagAAAAE-hash-of-" + username, Disabled: false, at ?? Morning, at ?? Morning);

    [Fact]
    public async Task A_stored_user_comes_back_with_every_field()
    {
        await using var database = ServerModeDatabase.Create(fixture, "users");
        using var store = new UserStore(database);

        var added = await store.AddAsync(User("truongphong", "departmentHead", "so-tu-phap"));
        var found = await store.FindAsync("truongphong");

        added.Should().BeTrue();
        found.Should().NotBeNull();
        found!.DisplayName.Should().Be("Người dùng truongphong");
        found.Role.Should().Be("departmentHead");
        found.UnitCode.Should().Be("so-tu-phap");
        found.PasswordHash.Should().Be("AQAAAAIAAYagAAAAE-hash-of-truongphong");
        found.Disabled.Should().BeFalse();
        found.CreatedAt.Should().Be(Morning);
        found.ChangedAt.Should().Be(Morning);
        found.Version.Should().Be((ulong)Morning.ToUnixTimeMilliseconds());
        (await store.FindAsync("nobody")).Should().BeNull();
    }

    [Fact]
    public async Task A_taken_username_is_not_stored_twice()
    {
        await using var database = ServerModeDatabase.Create(fixture, "users");
        using var store = new UserStore(database);
        await store.AddAsync(User("lanhdao"));

        var again = await store.AddAsync(User("lanhdao", "admin") with { PasswordHash = "another" });

        again.Should().BeFalse();
        var kept = await store.FindAsync("lanhdao");
        kept!.Role.Should().Be("leader");
        kept.PasswordHash.Should().NotBe("another");
    }

    [Fact]
    public async Task Users_are_listed_by_username_once_each_with_their_latest_change()
    {
        await using var database = ServerModeDatabase.Create(fixture, "users");
        using var store = new UserStore(database);
        await store.AddAsync(User("quantri", "admin"));
        await store.AddAsync(User("kiemtoan", "auditor"));
        await store.UpdateAsync("quantri", u => u with { Disabled = true }, Morning.AddHours(1));

        var users = await store.ListAsync();

        users.Select(u => u.Username).Should().Equal("kiemtoan", "quantri");
        users[1].Disabled.Should().BeTrue();
        users[1].ChangedAt.Should().Be(Morning.AddHours(1));
        users[1].CreatedAt.Should().Be(Morning);
    }

    [Fact]
    public async Task A_change_is_a_new_version_and_the_latest_wins_before_and_after_the_merge()
    {
        await using var database = ServerModeDatabase.Create(fixture, "users");
        using var store = new UserStore(database);
        await store.AddAsync(User("lanhdao"));

        var disabled = await store.UpdateAsync("lanhdao", u => u with { Disabled = true }, Morning.AddMinutes(1));
        // A node whose clock is an hour behind changes the user next: its change must still come after.
        var newPassword = await store.UpdateAsync("lanhdao", u => u with { PasswordHash = "new-hash" }, Morning.AddHours(-1));
        var beforeMerge = await store.FindAsync("lanhdao");
        var client = await database.GetClientAsync();
        await client.ExecuteNonQueryAsync("OPTIMIZE TABLE users FINAL");
        var afterMerge = await store.FindAsync("lanhdao");
        var rows = Convert.ToInt64(await client.ExecuteScalarAsync("SELECT count() FROM users"), CultureInfo.InvariantCulture);

        disabled!.Version.Should().BeGreaterThan((ulong)Morning.ToUnixTimeMilliseconds());
        newPassword!.Version.Should().Be(disabled.Version + 1, "a version is always above the one it replaces, whatever the clock says");
        newPassword.Disabled.Should().BeTrue("a change keeps what it does not change");
        beforeMerge.Should().Be(newPassword);
        afterMerge.Should().Be(newPassword);
        rows.Should().Be(1);
    }

    [Fact]
    public async Task A_change_of_nothing_stores_nothing_and_an_unknown_user_is_not_changed()
    {
        await using var database = ServerModeDatabase.Create(fixture, "users");
        using var store = new UserStore(database);
        await store.AddAsync(User("kiemtoan", "auditor"));

        var same = await store.UpdateAsync("kiemtoan", u => u with { Disabled = false }, Morning.AddHours(1));
        var unknown = await store.UpdateAsync("nobody", u => u with { Disabled = true }, Morning);
        var renamed = await store.UpdateAsync("kiemtoan", u => u with { Username = "someone.else" }, Morning.AddHours(2));
        var client = await database.GetClientAsync();
        var rows = Convert.ToInt64(await client.ExecuteScalarAsync("SELECT count() FROM users"), CultureInfo.InvariantCulture);

        same!.ChangedAt.Should().Be(Morning);
        unknown.Should().BeNull();
        renamed!.Username.Should().Be("kiemtoan", "the username is the key and never changes");
        rows.Should().Be(1);
        (await store.FindAsync("someone.else")).Should().BeNull();
    }

    [Fact]
    public void A_user_prints_without_its_password_hash() =>
        User("lanhdao").ToString().Should().Contain("lanhdao").And.NotContain("hash-of");
}
