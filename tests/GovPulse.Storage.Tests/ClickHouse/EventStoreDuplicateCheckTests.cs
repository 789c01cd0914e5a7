using GovPulse.Indicators.Events;
using GovPulse.Storage.ClickHouse;
using GovPulse.Storage.Tests.Fixtures;

namespace GovPulse.Storage.Tests.ClickHouse;

/// <summary>The duplicate check's two steps: <c>event_ids</c> by point lookups, then the events themselves.</summary>
[Collection(EmbeddedClickHouseCollectionDefinition.Name)]
public sealed class EventStoreDuplicateCheckTests(EmbeddedClickHouseFixture fixture)
{
    private static readonly DateTimeOffset Nine = new(2026, 11, 19, 9, 0, 0, TimeSpan.FromHours(7));

    /// <summary>Both ways of answering: ClickHouse alone (a server other nodes write to), and the sole writer's filter first.</summary>
    public static TheoryData<bool> SoleWriter => [false, true];

    [Theory]
    [MemberData(nameof(SoleWriter))]
    public async Task Stored_events_are_found_as_stored_across_units_and_days_and_unknown_ids_are_not(bool soleWriter)
    {
        await using var database = ServerModeDatabase.Create(fixture, "dupcheck");
        var stored = Enumerable.Range(0, 3000)
            .Select(i => Received($"e-{i}", i % 2 == 0 ? "26743" : "26737", Nine.AddHours(i % 50)))
            .ToList();
        await (await Store(database, soleWriter)).AppendAsync(LoggedEvent.After(0, stored[..1500]));
        // A restarted node: its filter is filled from what the last one stored, then from its own inserts.
        var store = await Store(database, soleWriter);
        await store.AppendAsync(LoggedEvent.After(1500, stored[1500..]));

        var asked = stored.Where((_, i) => i % 3 == 0).Select(e => e.EventId).Concat(["never-1", "never-2"]).ToList();
        var found = await store.FindStoredAsync(asked);

        found.Keys.Should().BeEquivalentTo(asked.Where(id => id.StartsWith("e-", StringComparison.Ordinal)));
        found["e-3"].Should().Be(stored[3]);
        found["e-2997"].Should().Be(stored[2997]);
    }

    [Fact]
    public async Task A_batch_as_large_as_the_ingest_allows_is_looked_up_in_parts_whose_query_strings_fit()
    {
        // 50,000 ids (GovPulse:Ingest:MaxLinesPerBatch) of 40 characters: about 2 MB of parameters,
        // past ClickHouse's 1 MiB URI limit (once answered 414, failing the whole batch).
        await using var database = ServerModeDatabase.Create(fixture, "duplarge");
        var stored = Enumerable.Range(0, 20).Select(i => Received(LongId(i * 2500), "26743", Nine.AddMinutes(i))).ToList();
        var store = await Store(database, soleWriter: false);
        await store.AppendAsync(LoggedEvent.After(0, stored));

        var asked = Enumerable.Range(0, 50_000).Select(LongId).ToList();
        var found = await store.FindStoredAsync(asked);

        found.Keys.Should().BeEquivalentTo(stored.Select(e => e.EventId));
        found[LongId(47_500)].Should().Be(stored[19]);
    }

    [Theory]
    [MemberData(nameof(SoleWriter))]
    public async Task An_id_whose_event_never_reached_events_counts_as_not_stored(bool soleWriter)
    {
        await using var database = ServerModeDatabase.Create(fixture, "dupghost");
        await (await Store(database, soleWriter)).AppendAsync(LoggedEvent.After(0, [Received("kept", "26743", Nine)]));
        // What a crash between AppendAsync's two inserts leaves behind: the id without its event.
        var client = await database.GetClientAsync();
        await client.ExecuteNonQueryAsync("INSERT INTO event_ids VALUES ('ghost', '26743', '2026-11-19 09:00:00.000')");
        var store = await Store(database, soleWriter);

        var found = await store.FindStoredAsync(["kept", "ghost"]);

        found.Keys.Should().Equal("kept");
    }

    [Theory]
    [MemberData(nameof(SoleWriter))]
    public async Task Events_stored_before_event_ids_existed_are_found_once_its_migration_has_run(bool soleWriter)
    {
        await using var database = ServerModeDatabase.Create(fixture, "dupbackfill");
        var store = await Store(database, soleWriter);
        var earlier = Received("before-0007", "26743", Nine);
        await store.AppendAsync(LoggedEvent.After(0, [earlier]));
        var client = await database.GetClientAsync();
        await client.ExecuteNonQueryAsync("TRUNCATE TABLE event_ids"); // as it was before migration 0007
        (await store.FindStoredAsync(["before-0007"])).Should().BeEmpty();

        await client.ExecuteNonQueryAsync(SchemaMigrator.Migrations().Single(m => m.Name == "0008_event_ids_from_events").Sql);

        (await store.FindStoredAsync(["before-0007"])).Should().ContainKey("before-0007").WhoseValue.Should().Be(earlier);
    }

    private static string LongId(int i) => $"hcm-one-stop-shop-2026-10-dossier-{i:D6}";

    private static async Task<EventStore> Store(ClickHouseDatabase database, bool soleWriter)
    {
        var store = new EventStore(database, TimeProvider.System, soleWriter);
        await store.PrepareAsync();
        return store;
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
