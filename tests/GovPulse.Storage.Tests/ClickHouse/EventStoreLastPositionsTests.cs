using GovPulse.Indicators.Events;
using GovPulse.Storage.ClickHouse;
using GovPulse.Storage.Tests.Fixtures;
using Microsoft.Extensions.Time.Testing;

namespace GovPulse.Storage.Tests.ClickHouse;

/// <summary>Issue 16: the city's reconciliation reads every unit's last position in one answer.</summary>
[Collection(EmbeddedClickHouseCollectionDefinition.Name)]
public sealed class EventStoreLastPositionsTests(EmbeddedClickHouseFixture fixture)
{
    [Fact]
    public async Task Every_units_last_position_comes_in_one_answer_and_a_unit_without_events_is_absent()
    {
        await using var database = ServerModeDatabase.Create(fixture, "lastpositions");
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 1, 0, 0, TimeSpan.Zero));
        var store = new EventStore(database, clock);
        (await store.LastPositionsAsync()).Should().BeEmpty();

        await store.AppendAsync(LoggedEvent.After(0, [Received("26743", "a"), Received("26743", "b")]));
        await store.AppendAsync(LoggedEvent.After(0, [Received("26737", "x")]));
        clock.Advance(TimeSpan.FromMinutes(5));
        await store.AppendAsync(LoggedEvent.After(2, [Received("26743", "c")]));

        (await store.LastPositionsAsync()).Should().BeEquivalentTo(new Dictionary<string, long> { ["26743"] = 3, ["26737"] = 1 });
        (await store.LastPositionsAsync()).Should().BeEquivalentTo(await store.PositionsAtAsync(clock.GetUtcNow()), "every event stored by now counts");
    }

    private static UnitEvent Received(string unit, string id) => new()
    {
        EventId = id,
        Type = EventType.DossierReceived,
        OccurredAt = new DateTimeOffset(2026, 11, 19, 9, 0, 0, TimeSpan.FromHours(7)),
        UnitCode = unit,
        DossierId = id,
        ProcedureCode = "2.000815",
        Channel = Channel.Online,
    };
}
