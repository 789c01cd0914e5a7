using GovPulse.Indicators.Events;
using GovPulse.Storage.ClickHouse;
using GovPulse.Storage.Tests.Fixtures;
using Microsoft.Extensions.Time.Testing;

namespace GovPulse.Storage.Tests.ClickHouse;

/// <summary>Issue 15: the log as known at an instant is a prefix of positions, read subject by subject.</summary>
[Collection(EmbeddedClickHouseCollectionDefinition.Name)]
public sealed class EventStoreKnownAtTests(EmbeddedClickHouseFixture fixture)
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);
    private static readonly DateTimeOffset November = new(2026, 11, 1, 0, 0, 0, Vietnam);
    private static readonly DateTimeOffset December = new(2026, 12, 1, 0, 0, 0, Vietnam);

    [Fact]
    public async Task The_position_at_an_instant_is_the_last_one_stored_by_then()
    {
        await using var database = ServerModeDatabase.Create(fixture, "positionat");
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 1, 0, 0, TimeSpan.Zero));
        var store = new EventStore(database, clock);
        var first = clock.GetUtcNow();
        (await store.PositionAtAsync("26743", first)).Should().Be(0);
        await store.AppendAsync(LoggedEvent.After(0, [Received("a", "d1"), Received("b", "d2")]));
        clock.Advance(TimeSpan.FromMinutes(5));
        await store.AppendAsync(LoggedEvent.After(2, [Received("c", "d3")]));

        (await store.PositionAtAsync("26743", first.AddSeconds(-1))).Should().Be(0);
        (await store.PositionAtAsync("26743", first)).Should().Be(2);
        (await store.PositionAtAsync("26743", first.AddMinutes(4))).Should().Be(2);
        (await store.PositionAtAsync("26743", clock.GetUtcNow())).Should().Be(3);
        (await store.PositionAtAsync("26737", clock.GetUtcNow())).Should().Be(0);
    }

    [Fact]
    public async Task Every_units_position_at_an_instant_comes_in_one_answer_and_equals_each_units_own()
    {
        await using var database = ServerModeDatabase.Create(fixture, "positionsat");
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 1, 0, 0, TimeSpan.Zero));
        var store = new EventStore(database, clock);
        var first = clock.GetUtcNow();
        await store.AppendAsync(LoggedEvent.After(0, [Received("a", "d1"), Received("b", "d2")]));
        await store.AppendAsync(LoggedEvent.After(0, [Received("x", "d9") with { UnitCode = "26737" }]));
        clock.Advance(TimeSpan.FromMinutes(5));
        await store.AppendAsync(LoggedEvent.After(2, [Received("c", "d3")]));

        (await store.PositionsAtAsync(first.AddSeconds(-1))).Should().BeEmpty();
        (await store.PositionsAtAsync(first)).Should().BeEquivalentTo(new Dictionary<string, long> { ["26743"] = 2, ["26737"] = 1 });
        var now = await store.PositionsAtAsync(clock.GetUtcNow());
        now.Should().BeEquivalentTo(new Dictionary<string, long> { ["26743"] = 3, ["26737"] = 1 });
        now["26743"].Should().Be(await store.PositionAtAsync("26743", clock.GetUtcNow()));
    }

    [Fact]
    public async Task The_units_with_receipts_in_a_range_are_those_whose_log_holds_one_whatever_else_they_hold()
    {
        await using var database = ServerModeDatabase.Create(fixture, "receiving");
        var store = new EventStore(database, new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 1, 0, 0, TimeSpan.Zero)));
        var mid = new DateTimeOffset(2026, 11, 10, 9, 0, 0, Vietnam);
        await store.AppendAsync(LoggedEvent.After(0, [Received("a", "d1", mid), Received("o", "d0", mid.AddMonths(-1))]));
        await store.AppendAsync(LoggedEvent.After(0, [Fact("f", "d5", EventType.ProcessingCompleted, mid) with { UnitCode = "26737" }]));
        await store.AppendAsync(LoggedEvent.After(0, [Petition("p", "pet", EventType.PetitionReceived, mid) with { UnitCode = "26740" }]));

        (await store.UnitsWithReceiptsAsync(November, December)).Should().BeEquivalentTo("26743", "26740");
        (await store.UnitsWithReceiptsAsync(November.AddMonths(-1), November)).Should().BeEquivalentTo("26743");
        (await store.UnitsWithReceiptsAsync(December, December.AddMonths(1))).Should().BeEmpty();
    }

    [Fact]
    public async Task Known_at_reads_every_fact_of_the_period_s_subjects_within_the_prefix_once_each()
    {
        await using var database = ServerModeDatabase.Create(fixture, "knownat");
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 1, 0, 0, TimeSpan.Zero));
        var store = new EventStore(database, clock);
        var old = new EventStore(database, new FakeTimeProvider(clock.GetUtcNow().AddDays(-1)));
        var mid = new DateTimeOffset(2026, 11, 10, 9, 0, 0, Vietnam);

        // Stored before positions existed (position 0), the day before.
        await old.AppendAsync([new LoggedEvent(0, Received("legacy", "d0", mid))]);
        // A November dossier with a fact dated before its receipt, an October one, and a November petition.
        await store.AppendAsync(LoggedEvent.After(0, [
            Fact("early-pay", "d1", EventType.PaymentCompleted, mid.AddDays(-15)),
            Received("r1", "d1", mid),
            Received("r2", "d2", mid.AddDays(-30)),
            Fact("done2", "d2", EventType.ProcessingCompleted, mid),
            Petition("p1", "pet1", EventType.PetitionReceived, mid)]));
        var asOf = clock.GetUtcNow();
        clock.Advance(TimeSpan.FromMinutes(1));
        // Stored after asOf: a later fact of d1, a new November dossier, and d1's receipt told again.
        await store.AppendAsync(LoggedEvent.After(5, [Fact("done1", "d1", EventType.ProcessingCompleted, mid.AddDays(1)), Received("r3", "d3", mid), Received("r1", "d1", mid)]));

        var position = await store.PositionAtAsync("26743", asOf);
        var known = await ToListAsync(store.ReadKnownAtAsync("26743", position, asOf, November, December));
        var later = await ToListAsync(store.ReadKnownAtAsync("26743", await store.PositionAtAsync("26743", clock.GetUtcNow()), clock.GetUtcNow(), November, December));
        var october = await ToListAsync(store.ReadKnownAtAsync("26743", position, asOf, November.AddMonths(-1), November));

        position.Should().Be(5);
        known.Select(e => e.EventId).Should().BeEquivalentTo("legacy", "early-pay", "r1", "p1");
        later.Select(e => e.EventId).Should().BeEquivalentTo("legacy", "early-pay", "r1", "p1", "done1", "r3");
        later.Should().OnlyHaveUniqueItems(e => e.EventId);
        october.Select(e => e.EventId).Should().BeEquivalentTo("r2", "done2");
    }

    private static UnitEvent Received(string id, string dossier, DateTimeOffset? at = null) =>
        Fact(id, dossier, EventType.DossierReceived, at ?? new DateTimeOffset(2026, 11, 19, 9, 0, 0, Vietnam)) with
        {
            ProcedureCode = "2.000815",
            Channel = Channel.Online,
        };

    private static UnitEvent Fact(string id, string dossier, EventType type, DateTimeOffset at) => new()
    {
        EventId = id,
        Type = type,
        OccurredAt = at,
        UnitCode = "26743",
        DossierId = dossier,
    };

    private static UnitEvent Petition(string id, string petition, EventType type, DateTimeOffset at) => new()
    {
        EventId = id,
        Type = type,
        OccurredAt = at,
        UnitCode = "26743",
        PetitionId = petition,
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
