using System.Collections.Immutable;
using GovPulse.Grains.Tests.Fixtures;
using GovPulse.Indicators.Dossiers;
using GovPulse.Indicators.Events;
using GovPulse.Indicators.Periods;

namespace GovPulse.Grains.Tests;

public sealed class UnitGrainTests(UnitClusterFixture fixture) : IClassFixture<UnitClusterFixture>
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;
    private static readonly Period ThisMonth = Period.MonthOf(Now);

    [Fact]
    public async Task A_reactivated_unit_rebuilds_exactly_the_same_counts_from_ClickHouse()
    {
        const string unit = "26737"; // Phường Tân Định
        var events = Enumerable.Range(0, 40)
            .SelectMany(i => i % 3 == 0
                ? new[] { Events.Received(unit, $"rebuild-{i}", Now.AddMinutes(-i - 5)), Events.Completed(unit, $"rebuild-{i}", Now.AddMinutes(-i)) }
                : new[] { Events.Received(unit, $"rebuild-{i}", Now.AddMinutes(-i - 5)) })
            .ToList();
        await StoreAndApply(unit, events);
        var grain = fixture.Cluster.Client.GetGrain<IUnitGrain>(unit);
        var before = await grain.GetScorecard(ThisMonth);

        await fixture.Cluster.DeactivateAsync(grain);
        await fixture.Cluster.WaitForDeactivationAsync(grain);
        var after = await grain.GetScorecard(ThisMonth);

        before.Counts.Received.Should().Be(40);
        before.Counts.Finished.Should().Be(14);
        after.Counts.Should().Be(before.Counts);
        after.Name.Should().Be("Phường Tân Định");
    }

    [Fact]
    public async Task Applying_the_same_events_again_in_another_order_changes_nothing()
    {
        const string unit = "26740"; // Phường Sài Gòn
        var events = new List<UnitEvent>
        {
            Events.Completed(unit, "repeat-1", Now.AddMinutes(-1)),
            Events.Received(unit, "repeat-1", Now.AddMinutes(-10)),
            Events.Received(unit, "repeat-2", Now.AddMinutes(-9)),
        };
        await StoreAndApply(unit, events);
        var grain = fixture.Cluster.Client.GetGrain<IUnitGrain>(unit);

        var again = await grain.Apply(events.AsEnumerable().Reverse().ToImmutableArray());
        var scorecard = await grain.GetScorecard(ThisMonth);

        again.Changed.Should().Be(0);
        again.Unchanged.Should().Be(3);
        scorecard.Counts.Received.Should().Be(2);
        scorecard.Counts.Finished.Should().Be(1);
    }

    [Fact]
    public async Task A_change_is_published_live_and_reaches_the_city()
    {
        const string unit = "26758"; // Phường Cầu Ông Lãnh
        var city = fixture.Cluster.Client.GetGrain<ICityGrain>("79");
        var cityBefore = await city.GetScorecard(ThisMonth);

        await StoreAndApply(unit, [Events.Received(unit, "live-1", Now.AddMinutes(-3))]);

        var pushed = await fixture.Publisher.WaitFor(s => s.UnitCode == unit && s.Counts.Received == 1);
        pushed.Period.Should().Be(ThisMonth.Label);
        var cityPushed = await fixture.Publisher.WaitFor(s => s.UnitCode == "79" && s.Counts.Received >= cityBefore.Counts.Received + 1);
        cityPushed.Name.Should().Be("Thành phố Hồ Chí Minh");
    }

    [Fact]
    public async Task The_city_pools_its_units_counts()
    {
        var period = Period.Month(2025, 8); // a past month: the city asks every unit
        var at = new DateTimeOffset(2025, 8, 12, 9, 0, 0, TimeSpan.FromHours(7));
        await StoreAndApply("26743", [Events.Received("26743", "pool-a1", at), Events.Received("26743", "pool-a2", at)]);
        await StoreAndApply("so-tu-phap", [Events.Received("so-tu-phap", "pool-b1", at), Events.Completed("so-tu-phap", "pool-b1", at.AddHours(3))]);

        var city = await fixture.Cluster.Client.GetGrain<ICityGrain>("79").GetScorecard(period);

        city.Counts.Received.Should().Be(3);
        city.Counts.Finished.Should().Be(1);
        city.Period.Should().Be("2025-08");
    }

    [Fact]
    public async Task The_chase_page_and_its_counts_cross_the_grain_call_whole()
    {
        const string unit = "27154"; // Phường Bàn Cờ
        var at = Now.AddDays(-4);
        await StoreAndApply(unit, [
            Events.Received(unit, "chase-late", at) with { DueAt = Now.AddHours(-2) },
            Events.Received(unit, "chase-asked-twice", at) with { DueAt = Now.AddDays(20) },
            Request(unit, "chase-asked-twice", EventType.SupplementRequested, at.AddHours(1)),
            Request(unit, "chase-asked-twice", EventType.SupplementReceived, at.AddHours(2)),
            Request(unit, "chase-asked-twice", EventType.SupplementRequested, at.AddHours(3)),
            Events.Received(unit, "chase-later", at) with { DueAt = Now.AddDays(30) },
        ]);

        var page = await fixture.Cluster.Client.GetGrain<IUnitGrain>(unit).GetDossiersToChase(ChaseStatus.InProgress, 1, 1, Now);

        page.AsOf.Should().Be(Now);
        page.Counts.Should().Be(new ChaseCounts(Overdue: 2, DueSoon: 0, InProgress: 3));
        page.Total.Should().Be(3);
        page.MostUrgentDue.Should().Be(Now.AddHours(-2));
        var row = page.Dossiers.Should().ContainSingle("the second of three, one a page").Subject;
        row.DossierId.Should().Be("chase-asked-twice");
        row.OverdueReason.Should().Be(OverdueReason.SecondSupplementRequest);
        row.Overdue.Should().BeTrue();
        row.SupplementRequests.Should().Be(2);
    }

    private static UnitEvent Request(string unit, string dossier, EventType type, DateTimeOffset at) =>
        new() { EventId = $"{dossier}-{type}-{at.UtcTicks}", Type = type, OccurredAt = at, UnitCode = unit, DossierId = dossier };

    private async Task StoreAndApply(string unit, IReadOnlyList<UnitEvent> events)
    {
        await fixture.Cluster.Client.GetGrain<IUnitGrain>(unit).Apply(events.ToImmutableArray());
    }
}
