using GovPulse.Indicators.Events;
using GovPulse.Storage.ClickHouse;
using GovPulse.Storage.Tests.Fixtures;

namespace GovPulse.Storage.Tests.ClickHouse;

[Collection(EmbeddedClickHouseCollectionDefinition.Name)]
public sealed class QuarantineStoreTests(EmbeddedClickHouseFixture fixture)
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 20, 5, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Every_units_quarantined_ids_come_in_one_read_as_each_units_alone_each_id_once()
    {
        await using var database = ServerModeDatabase.Create(fixture, "quarantine");
        var store = new QuarantineStore(database);
        await store.AddAsync(Quarantined("26743", "e-1", 3));
        await store.AddAsync(Quarantined("26743", "e-2", 9));
        await store.AddAsync(Quarantined("26743", "e-1", 3)); // quarantined again by a later rebuild
        await store.AddAsync(Quarantined("26737", "e-7", 1));

        var all = await store.ReadAllIdsAsync();

        all.Keys.Should().BeEquivalentTo("26743", "26737");
        all["26743"].Should().BeEquivalentTo(await store.ReadIdsAsync("26743"));
        all["26743"].Should().BeEquivalentTo("e-1", "e-2");
        all["26737"].Should().BeEquivalentTo("e-7");
        all.Should().NotContainKey("26740");
    }

    private static QuarantinedEvent Quarantined(string unit, string id, long position) =>
        new(unit, id, position, "FormatException: test", new UnitEvent
        {
            EventId = id,
            Type = EventType.DossierReceived,
            OccurredAt = Noon,
            UnitCode = unit,
            DossierId = "d-" + id,
        }, Noon);
}
