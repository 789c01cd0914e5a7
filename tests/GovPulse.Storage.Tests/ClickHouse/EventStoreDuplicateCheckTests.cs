using GovPulse.Indicators.Events;
using GovPulse.Storage.ClickHouse;
using GovPulse.Storage.Tests.Fixtures;

namespace GovPulse.Storage.Tests.ClickHouse;

/// <summary>The duplicate check's two steps: <c>event_ids</c> by point lookups, then the events themselves.</summary>
[Collection(EmbeddedClickHouseCollectionDefinition.Name)]
public sealed class EventStoreDuplicateCheckTests(EmbeddedClickHouseFixture fixture)
{
    private static readonly DateTimeOffset Nine = new(2026, 11, 19, 9, 0, 0, TimeSpan.FromHours(7));

    [Fact]
    public async Task Stored_events_are_found_as_stored_across_units_and_days_and_unknown_ids_are_not()
    {
        await using var database = ServerModeDatabase.Create(fixture, "dupcheck");
        var store = new EventStore(database, TimeProvider.System);
        var stored = Enumerable.Range(0, 3000)
            .Select(i => Received($"e-{i}", i % 2 == 0 ? "26743" : "26737", Nine.AddHours(i % 50)))
            .ToList();
        await store.AppendAsync(stored);

        var asked = stored.Where((_, i) => i % 3 == 0).Select(e => e.EventId).Concat(["never-1", "never-2"]).ToList();
        var found = await store.FindStoredAsync(asked);

        found.Keys.Should().BeEquivalentTo(asked.Where(id => id.StartsWith("e-", StringComparison.Ordinal)));
        found["e-3"].Should().Be(stored[3]);
        found["e-2997"].Should().Be(stored[2997]);
    }

    [Fact]
    public async Task An_id_whose_event_never_reached_events_counts_as_not_stored()
    {
        await using var database = ServerModeDatabase.Create(fixture, "dupghost");
        var store = new EventStore(database, TimeProvider.System);
        await store.AppendAsync([Received("kept", "26743", Nine)]);
        // What a crash between AppendAsync's two inserts leaves behind: the id without its event.
        var client = await database.GetClientAsync();
        await client.ExecuteNonQueryAsync("INSERT INTO event_ids VALUES ('ghost', '26743', '2026-11-19 09:00:00.000')");

        var found = await store.FindStoredAsync(["kept", "ghost"]);

        found.Keys.Should().Equal("kept");
    }

    [Fact]
    public async Task Events_stored_before_event_ids_existed_are_found_once_its_migration_has_run()
    {
        await using var database = ServerModeDatabase.Create(fixture, "dupbackfill");
        var store = new EventStore(database, TimeProvider.System);
        var earlier = Received("before-0007", "26743", Nine);
        await store.AppendAsync([earlier]);
        var client = await database.GetClientAsync();
        await client.ExecuteNonQueryAsync("TRUNCATE TABLE event_ids"); // as it was before migration 0007
        (await store.FindStoredAsync(["before-0007"])).Should().BeEmpty();

        await client.ExecuteNonQueryAsync(SchemaMigrator.Migrations().Single(m => m.Name == "0008_event_ids_from_events").Sql);

        (await store.FindStoredAsync(["before-0007"])).Should().ContainKey("before-0007").WhoseValue.Should().Be(earlier);
    }

    private static UnitEvent Received(string id, string unit, DateTimeOffset at) => new()
    {
        EventId = id,
        Type = EventType.DossierReceived,
        OccurredAt = at,
        UnitCode = unit,
        DossierId = "d-" + id,
        ProcedureCode = "2.000815",
        Channel = Channel.Online,
        StatutoryWorkingDays = 3,
        Fee = 0m,
    };
}
