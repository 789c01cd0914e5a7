using GovPulse.Storage.ClickHouse;
using GovPulse.Storage.Tests.Fixtures;

namespace GovPulse.Storage.Tests.ClickHouse;

[Collection(EmbeddedClickHouseCollectionDefinition.Name)]
public sealed class DataProtectionKeyStoreTests(EmbeddedClickHouseFixture fixture)
{
    [Fact]
    public async Task Key_elements_come_back_as_stored_oldest_first()
    {
        await using var database = ServerModeDatabase.Create(fixture, "keyring");
        var store = new DataProtectionKeyStore(database);
        var morning = new DateTimeOffset(2026, 11, 23, 2, 30, 0, TimeSpan.Zero);

        await store.AddAsync("key-b", "<key id=\"b\"><creationDate>later</creationDate></key>", morning.AddDays(90));
        await store.AddAsync("key-a", "<key id=\"a\"><descriptor>Việt</descriptor></key>", morning);

        (await store.ReadAllAsync()).Should().Equal(
            "<key id=\"a\"><descriptor>Việt</descriptor></key>",
            "<key id=\"b\"><creationDate>later</creationDate></key>");
    }
}
