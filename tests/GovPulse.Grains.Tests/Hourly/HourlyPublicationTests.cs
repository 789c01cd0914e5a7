using GovPulse.Grains.Tests.Fixtures;
using GovPulse.Indicators.Periods;
using GovPulse.Indicators.Scoring;
using GovPulse.Indicators.Units;
using GovPulse.Storage.ClickHouse;
using Microsoft.Extensions.DependencyInjection;

namespace GovPulse.Grains.Tests.Hourly;

/// <summary>
/// The hourly publication on two nodes: each hour is stored once (186 rows) and announced once,
/// however many nodes and retries call it, across deactivation and after a crash.
/// Each test uses hours of its own, so they share one cluster and database.
/// </summary>
public sealed class HourlyPublicationTests(HourlyClusterFixture fixture) : IClassFixture<HourlyClusterFixture>
{
    private static readonly int AllUnits = UnitDirectory.HoChiMinhCity.All.Count;

    [Fact]
    public async Task Both_nodes_firing_the_same_hour_publish_it_once()
    {
        var hour = PublicationHour.StartOf(HourlyClusterFixture.Now);
        await StoreAndApply("26737", Events.Received("26737", "hourly-best-1", HourlyClusterFixture.Now.AddHours(-1)), Events.Completed("26737", "hourly-best-1", HourlyClusterFixture.Now.AddMinutes(-30)));
        using var lags = new PublicationLagRecorder(fixture);

        var calls = Enumerable.Range(0, 4).SelectMany(_ => new[]
        {
            fixture.GrainsOf(0).GetHourlyPublisher(hour).Publish(),
            fixture.GrainsOf(1).GetHourlyPublisher(hour).Publish(),
            fixture.Cluster.Client.GetHourlyPublisher(hour).Publish(),
        });
        var outcomes = await Task.WhenAll(calls);

        AllUnits.Should().Be(186);
        outcomes.Count(o => o.Outcome == HourlyOutcome.Published).Should().Be(1);
        outcomes.Should().OnlyContain(o => o.Hour == hour && !o.Late && o.Units == AllUnits);
        (await fixture.RowsAt(hour)).Should().Be((ulong)AllUnits);
        var message = fixture.MessagesFor(hour).Should().ContainSingle().Subject;
        message.Late.Should().BeFalse();
        message.City.UnitCode.Should().Be(UnitDirectory.HoChiMinhCityCode);
        // Only communes that received dossiers are ranked, so only Tân Định is at either end.
        message.Best.Should().HaveCount(1);
        message.Worst.Should().HaveCount(1);
        message.Best[0].UnitCode.Should().Be("26737", "the only commune with a dossier finished on time leads");
        message.Worst.Select(r => r.Rank).Should().BeInAscendingOrder();
        lags.Lags.Should().Equal([(20d, false)], "the one call that published records the seconds from the top of the hour (the scoring clock stands at 10:00:20)");
    }

    [Fact]
    public async Task The_snapshot_holds_every_units_scorecard_as_the_grains_give_it()
    {
        var hour = new DateTimeOffset(2026, 11, 21, 8, 0, 0, TimeSpan.FromHours(7));
        using var lags = new PublicationLagRecorder(fixture);

        var publication = await fixture.GrainsOf(1).GetHourlyPublisher(hour).Publish();
        var stored = await fixture.HistoryOf(0).ReadHourAsync(hour);

        publication.Late.Should().BeTrue("the hour had passed when it was published");
        lags.Lags.Should().Equal([((HourlyClusterFixture.Now - hour).TotalSeconds, true)], "a late hour's lag runs from its own top of the hour, tagged late");
        stored.Should().HaveCount(AllUnits);
        stored.Select(s => s.Scorecard.UnitCode).Should().BeEquivalentTo(UnitDirectory.HoChiMinhCity.All.Select(u => u.Code));
        stored.Should().OnlyContain(s => s.Late && s.Scorecard.Period == "2026-11" && s.Hour == hour);
        var live = await fixture.Cluster.Client.GetGrain<IUnitGrain>("26737").GetScorecard(Period.Month(2026, 11));
        var kept = stored.Single(s => s.Scorecard.UnitCode == "26737").Scorecard;
        kept.Total.Should().Be(live.Total);
        kept.Band.Should().Be(live.Band);
        kept.Counts.Should().Be(live.Counts);
        kept.Groups.Select(g => (g.Code, g.Score)).Should().Equal(live.Groups.Select(g => (g.Code, g.Score)));
    }

    [Fact]
    public async Task Deactivating_the_hour_grain_between_calls_neither_loses_nor_duplicates_the_hour()
    {
        var hour = new DateTimeOffset(2026, 11, 22, 14, 0, 0, TimeSpan.FromHours(7));
        var grain = fixture.Cluster.Client.GetHourlyPublisher(hour);

        var first = await grain.Publish();
        await fixture.Cluster.DeactivateAsync(grain);
        await fixture.Cluster.WaitForDeactivationAsync(grain);
        var again = await fixture.GrainsOf(0).GetHourlyPublisher(hour).Publish();

        first.Outcome.Should().Be(HourlyOutcome.Published);
        again.Outcome.Should().Be(HourlyOutcome.AlreadyPublished);
        again.PublishedAt.Should().Be(first.PublishedAt);
        again.Late.Should().BeTrue();
        (await fixture.RowsAt(hour)).Should().Be((ulong)AllUnits);
        fixture.MessagesFor(hour).Should().ContainSingle();
    }

    [Fact]
    public async Task An_hour_a_dying_node_stored_is_not_written_or_announced_again()
    {
        // The node stored the hour, then died before it could answer or send the message.
        var hour = new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.FromHours(7));
        var storedAt = hour.AddMinutes(1);
        await fixture.HistoryOf(1).StoreAsync(UnitDirectory.HoChiMinhCity.All
            .Select(u => new IndicatorSnapshot(hour, new Scorecard(u.Code, u.Name, "2026-11", storedAt, ScorecardCounts.Zero, 0m, "Yếu"), storedAt, false))
            .ToList());
        using var lags = new PublicationLagRecorder(fixture);

        var outcomes = await Task.WhenAll(
            fixture.GrainsOf(0).GetHourlyPublisher(hour).Publish(),
            fixture.GrainsOf(1).GetHourlyPublisher(hour).Publish());

        outcomes.Should().OnlyContain(o => o.Outcome == HourlyOutcome.AlreadyPublished && o.PublishedAt == storedAt && !o.Late);
        (await fixture.RowsAt(hour)).Should().Be((ulong)AllUnits);
        fixture.MessagesFor(hour).Should().BeEmpty();
        lags.Lags.Should().BeEmpty("finding the hour stored is not a publication");
    }

    [Fact]
    public async Task A_second_write_of_an_hour_is_read_once_per_unit()
    {
        // Two activations racing past the check (a partitioned cluster) both write: reads keep one row per unit.
        var hour = new DateTimeOffset(2026, 11, 19, 9, 0, 0, TimeSpan.FromHours(7));
        var store = fixture.HistoryOf(0);
        foreach (var (minute, total) in new[] { (1, 40m), (2, 41m) })
        {
            var at = hour.AddMinutes(minute);
            await store.StoreAsync(UnitDirectory.HoChiMinhCity.All
                .Select(u => new IndicatorSnapshot(hour, new Scorecard(u.Code, u.Name, "2026-11", at, ScorecardCounts.Zero, total, "Yếu"), at, false))
                .ToList());
        }

        var read = await store.ReadHourAsync(hour);
        var totals = await store.TotalsAtAsync(hour);
        var history = await store.ReadUnitAsync("26737", hour.AddHours(-1), hour.AddHours(1), HistoryBucket.Hour, 10);

        read.Should().HaveCount(AllUnits).And.OnlyContain(s => s.Scorecard.Total == 41m);
        totals.Should().HaveCount(AllUnits).And.OnlyContain(t => t.Value == 41m);
        history.Should().ContainSingle().Which.Total.Should().Be(41m);
        (await store.FindPublicationAsync(hour))!.Units.Should().Be(AllUnits);
    }

    [Fact]
    public async Task Missed_hours_are_filled_oldest_first_and_marked_late()
    {
        // The cluster published 03:00 on 5 October, then was down until 08:10.
        var last = new DateTimeOffset(2026, 10, 5, 3, 0, 0, TimeSpan.FromHours(7));
        await fixture.GrainsOf(0).GetHourlyPublisher(last).Publish();

        var round = await fixture.RoundOf(1).RunAsync(last.AddHours(5).AddMinutes(10));
        var again = await fixture.RoundOf(0).RunAsync(last.AddHours(5).AddMinutes(10));

        round.Select(p => p.Hour).Should().Equal(Enumerable.Range(4, 5).Select(h => last.AddHours(h - 3)));
        round.Should().OnlyContain(p => p.Outcome == HourlyOutcome.Published && p.Late);
        again.Should().ContainSingle().Which.Outcome.Should().Be(HourlyOutcome.AlreadyPublished, "nothing is missing any more; only the current hour is asked");
        foreach (var hour in Enumerable.Range(3, 6).Select(h => last.AddHours(h - 3)))
        {
            (await fixture.RowsAt(hour)).Should().Be((ulong)AllUnits);
        }

        var october = await fixture.HistoryOf(0).ReadHourAsync(last.AddHours(2));
        october.Should().OnlyContain(s => s.Late && s.Scorecard.Period == "2026-10", "a missed hour carries its own month's figures, judged now");
    }

    [Fact]
    public async Task The_hourly_message_lists_what_changed_since_the_previous_hour()
    {
        var previous = new DateTimeOffset(2026, 11, 1, 1, 0, 0, TimeSpan.FromHours(7));
        await fixture.GrainsOf(0).GetHourlyPublisher(previous).Publish();
        var before = (await fixture.HistoryOf(0).TotalsAtAsync(previous))["26740"];
        await StoreAndApply("26740", Events.Received("26740", "hourly-change-1", HourlyClusterFixture.Now.AddHours(-2)), Events.Completed("26740", "hourly-change-1", HourlyClusterFixture.Now.AddHours(-1)));

        await fixture.GrainsOf(1).GetHourlyPublisher(previous.AddHours(1)).Publish();

        var change = fixture.MessagesFor(previous.AddHours(1)).Should().ContainSingle().Subject.Changes.Should().Contain(c => c.UnitCode == "26740").Subject;
        change.PreviousTotal.Should().Be(before);
        change.Total.Should().NotBe(before);
    }

    [Fact]
    public async Task An_hour_that_has_not_begun_is_refused()
    {
        var next = PublicationHour.StartOf(HourlyClusterFixture.Now).AddHours(1);

        var publish = () => fixture.Cluster.Client.GetHourlyPublisher(next).Publish();

        await publish.Should().ThrowAsync<InvalidOperationException>().WithMessage("*has not begun*");
        (await fixture.RowsAt(next)).Should().Be(0);
    }

    private async Task StoreAndApply(string unit, params Indicators.Events.UnitEvent[] events)
    {
        await fixture.Cluster.Client.GetGrain<IUnitGrain>(unit).Apply([.. events]);
    }
}
