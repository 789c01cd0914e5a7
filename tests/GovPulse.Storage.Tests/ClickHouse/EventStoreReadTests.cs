using GovPulse.Indicators.Events;
using GovPulse.Storage.ClickHouse;
using GovPulse.Storage.Tests.Fixtures;
using Microsoft.Extensions.Time.Testing;

namespace GovPulse.Storage.Tests.ClickHouse;

[Collection(EmbeddedClickHouseCollectionDefinition.Name)]
public sealed class EventStoreReadTests(EmbeddedClickHouseFixture fixture)
{
    [Fact]
    public async Task The_tail_is_what_was_ingested_at_or_after_the_position_once_each()
    {
        await using var database = ServerModeDatabase.Create(fixture, "tail");
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 1, 0, 0, TimeSpan.Zero));
        var store = new EventStore(database, clock);
        await store.AppendAsync([Received("old-1"), Received("old-2")]);
        clock.Advance(TimeSpan.FromMinutes(5));
        var position = clock.GetUtcNow();
        await store.AppendAsync([Received("new-1")]);
        clock.Advance(TimeSpan.FromMinutes(5));
        await store.AppendAsync([Received("new-2"), Received("old-1")]); // old-1 delivered again

        var tail = await ToListAsync(store.ReadUnitTailAsync("26743", position));
        var all = await ToListAsync(store.ReadUnitAsync("26743"));

        tail.Select(e => e.EventId).Should().BeEquivalentTo("new-1", "new-2", "old-1");
        all.Select(e => e.EventId).Should().BeEquivalentTo("old-1", "old-2", "new-1", "new-2");
        (await ToListAsync(store.ReadUnitTailAsync("26743", clock.GetUtcNow().AddMilliseconds(1)))).Should().BeEmpty();
    }

    [Fact]
    public async Task A_range_is_the_events_that_occurred_in_it()
    {
        await using var database = ServerModeDatabase.Create(fixture, "range");
        var store = new EventStore(database, TimeProvider.System);
        var nine = new DateTimeOffset(2026, 11, 19, 9, 0, 0, TimeSpan.FromHours(7));
        await store.AppendAsync([Received("a", nine.AddDays(-1)), Received("b", nine), Received("c", nine.AddHours(1)), Received("d", nine.AddDays(1))]);

        var range = await ToListAsync(store.ReadUnitRangeAsync("26743", nine, nine.AddDays(1)));

        range.Select(e => e.EventId).Should().Equal("b", "c");
    }

    private static UnitEvent Received(string id, DateTimeOffset? at = null) => new()
    {
        EventId = id,
        Type = EventType.DossierReceived,
        OccurredAt = at ?? new DateTimeOffset(2026, 11, 19, 9, 0, 0, TimeSpan.FromHours(7)),
        UnitCode = "26743",
        DossierId = "d-" + id,
        ProcedureCode = "2.000815",
        Channel = Channel.Online,
    };

    private static async Task<List<UnitEvent>> ToListAsync(IAsyncEnumerable<UnitEvent> events)
    {
        var list = new List<UnitEvent>();
        await foreach (var e in events)
        {
            list.Add(e);
        }

        return list;
    }
}
