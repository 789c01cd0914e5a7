using GovPulse.Storage.ClickHouse;
using GovPulse.Storage.Tests.Fixtures;

namespace GovPulse.Storage.Tests.ClickHouse;

[Collection(EmbeddedClickHouseCollectionDefinition.Name)]
public sealed class RevokedSessionStoreTests(EmbeddedClickHouseFixture fixture)
{
    // Ahead of the real clock: the table's TTL drops rows whose tickets have expired by the engine's clock.
    private static readonly DateTimeOffset Morning = new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero).AddDays(2).AddHours(2.5);

    [Fact]
    public async Task A_sign_out_is_listed_until_its_ticket_would_have_expired()
    {
        await using var database = ServerModeDatabase.Create(fixture, "sessions");
        var store = new RevokedSessionStore(database);

        await store.AddAsync(new RevokedSession("s_short", Morning, Morning.AddMinutes(30)));
        await store.AddAsync(new RevokedSession("s_long", Morning.AddMinutes(1), Morning.AddHours(8)));

        var early = await store.ListAsync(Morning.AddMinutes(5));
        var later = await store.ListAsync(Morning.AddHours(1));
        var after = await store.ListAsync(Morning.AddHours(9));

        early.Should().Equal(
            new RevokedSession("s_long", Morning.AddMinutes(1), Morning.AddHours(8)),
            new RevokedSession("s_short", Morning, Morning.AddMinutes(30)));
        later.Select(s => s.Id).Should().Equal("s_long");
        after.Should().BeEmpty("an expired ticket is refused anyway, so its sign-out need not be held");
    }

    [Fact]
    public async Task A_session_signed_out_on_two_nodes_is_one_row_with_the_first_sign_out_and_the_last_expiry()
    {
        await using var database = ServerModeDatabase.Create(fixture, "sessions");
        var store = new RevokedSessionStore(database);

        await store.AddAsync(new RevokedSession("s_twice", Morning.AddSeconds(2), Morning.AddHours(8).AddSeconds(2)));
        await store.AddAsync(new RevokedSession("s_twice", Morning, Morning.AddHours(8)));

        (await store.ListAsync(Morning)).Should().Equal(new RevokedSession("s_twice", Morning, Morning.AddHours(8).AddSeconds(2)));
    }
}
