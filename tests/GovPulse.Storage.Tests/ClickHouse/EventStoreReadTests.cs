using GovPulse.Indicators.Events;
using GovPulse.Storage.ClickHouse;
using GovPulse.Storage.Tests.Fixtures;
using Microsoft.Extensions.Time.Testing;

namespace GovPulse.Storage.Tests.ClickHouse;

[Collection(EmbeddedClickHouseCollectionDefinition.Name)]
public sealed class EventStoreReadTests(EmbeddedClickHouseFixture fixture)
{
    [Fact]
    public async Task The_tail_is_what_comes_after_the_position_in_position_order_once_each_whatever_the_clock_said()
    {
        await using var database = ServerModeDatabase.Create(fixture, "tail");
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 1, 0, 0, TimeSpan.Zero));
        var store = new EventStore(database, clock);
        await store.AppendAsync(LoggedEvent.After(0, [Received("old-1"), Received("old-2")]));
        // A node whose clock is two hours behind stores the next one.
        var behind = new EventStore(database, new FakeTimeProvider(clock.GetUtcNow().AddHours(-2)));
        await behind.AppendAsync(LoggedEvent.After(2, [Received("new-1")]));
        clock.Advance(TimeSpan.FromHours(5));
        await store.AppendAsync([new LoggedEvent(4, Received("new-2")), new LoggedEvent(5, Received("old-1"))]); // old-1 stored again

        var tail = await ToListAsync(store.ReadUnitTailAsync("26743", 2));
        var all = await ToListAsync(store.ReadUnitAsync("26743"));

        tail.Select(e => (e.Position, e.Event.EventId)).Should().Equal((3L, "new-1"), (4L, "new-2"), (5L, "old-1")); // stored again after the position: read again, harmless
        all.Select(e => e.Event.EventId).Should().Equal("old-1", "old-2", "new-1", "new-2");
        (await ToListAsync(store.ReadUnitTailAsync("26743", 5))).Should().BeEmpty();
    }

    [Fact]
    public async Task The_log_check_sees_its_end_and_the_events_after_a_position_and_counts_each_id_once_whatever_the_rows()
    {
        await using var database = ServerModeDatabase.Create(fixture, "logcheck");
        var store = new EventStore(database, TimeProvider.System);
        (await store.CheckLogAsync("26743", -1)).Should().Be(new LogCheck(0, 0));
        await store.AppendAsync(LoggedEvent.After(0, [Received("a"), Received("b"), Received("c")]));
        // A second activation numbering its event like the first's third: both are kept.
        await store.AppendAsync([new LoggedEvent(3, Received("x")), new LoggedEvent(4, Received("a"))]);

        (await store.CheckLogAsync("26743", 1)).Should().Be(new LogCheck(4, 4)); // b, c, x, and a stored again at 4
        (await store.CountEventsUpToAsync("26743", 3)).Should().Be(4);
        (await store.CountEventsUpToAsync("26743", 0)).Should().Be(0);
        // A snapshot at 2 that counted a and b still holds (the rows say so); one at 3 that counted a, b
        // and c misses x; one at 4 that counted four events holds though "a" is stored twice (five rows).
        (await store.HoldsExactlyAsync("26743", 2, 2)).Should().BeTrue();
        (await store.HoldsExactlyAsync("26743", 3, 3)).Should().BeFalse();
        (await store.HoldsExactlyAsync("26743", 4, 4)).Should().BeTrue();
        (await store.HoldsExactlyAsync("26743", 4, 3)).Should().BeFalse();
        (await store.CheckLogAsync("26737", -1)).Should().Be(new LogCheck(0, 0));
    }

    [Fact]
    public async Task Read_ahead_for_every_unit_counts_the_rows_around_each_position_and_reads_each_tail_as_one_units_read()
    {
        await using var database = ServerModeDatabase.Create(fixture, "readahead");
        var store = new EventStore(database, TimeProvider.System);
        await store.AppendAsync(LoggedEvent.After(0, [Received("a"), Received("b"), Received("c")]));
        await store.AppendAsync([new LoggedEvent(4, Received("d")), new LoggedEvent(5, Received("a"))]); // "a" stored again
        await store.AppendAsync(LoggedEvent.After(0, [Received("x") with { UnitCode = "26737" }, Received("y") with { UnitCode = "26737" }]));
        var positions = new Dictionary<string, long> { ["26743"] = 2, ["26740"] = 7 }; // 26737 has no position: all after

        var rows = await store.CountRowsAroundAsync(positions);
        var tails = await store.ReadTailsAsync(new Dictionary<string, long> { ["26743"] = 2, ["26737"] = -1, ["26740"] = 0 });
        var one = await ToListAsync(store.ReadUnitTailAsync("26743", 2));

        rows.Should().BeEquivalentTo(new Dictionary<string, LogRows> { ["26743"] = new(2, 3), ["26737"] = new(0, 2) });
        tails.Keys.Should().BeEquivalentTo("26743", "26737", "26740");
        tails["26743"].Should().Equal(one);
        tails["26743"].Select(e => (e.Position, e.Event.EventId)).Should().Equal((3L, "c"), (4L, "d"), (5L, "a"));
        tails["26737"].Select(e => e.Event.EventId).Should().Equal("x", "y");
        tails["26740"].Should().BeEmpty();
        (await store.ReadTailsAsync(new Dictionary<string, long>())).Should().BeEmpty();
        (await store.CountRowsAroundAsync(new Dictionary<string, long>()))["26743"].Should().Be(new LogRows(0, 5));
    }

    [Fact]
    public async Task A_range_is_the_events_that_occurred_in_it()
    {
        await using var database = ServerModeDatabase.Create(fixture, "range");
        var store = new EventStore(database, TimeProvider.System);
        var nine = new DateTimeOffset(2026, 11, 19, 9, 0, 0, TimeSpan.FromHours(7));
        await store.AppendAsync(LoggedEvent.After(0, [Received("a", nine.AddDays(-1)), Received("b", nine), Received("c", nine.AddHours(1)), Received("d", nine.AddDays(1))]));

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

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> events)
    {
        var list = new List<T>();
        await foreach (var e in events)
        {
            list.Add(e);
        }

        return list;
    }
}
