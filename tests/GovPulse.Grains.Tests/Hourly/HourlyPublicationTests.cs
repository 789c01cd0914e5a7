using GovPulse.Grains.Hourly;
using GovPulse.Grains.Tests.Fixtures;
using GovPulse.Indicators.Evaluation;
using GovPulse.Indicators.Periods;
using GovPulse.Indicators.Scoring;
using GovPulse.Indicators.Units;
using GovPulse.Storage.ClickHouse;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace GovPulse.Grains.Tests.Hourly;

/// <summary>
/// The hourly publication on two nodes: each hour is stored once (186 rows) with its own figures
/// and announced once, however many nodes, activations and retries publish it, across
/// deactivation and after a crash.
/// Each test uses hours of its own, so they share one cluster and database.
/// </summary>
public sealed class HourlyPublicationTests(HourlyClusterFixture fixture) : IClassFixture<HourlyClusterFixture>
{
    private static readonly int AllUnits = UnitDirectory.HoChiMinhCity.All.Count;

    private static readonly HourlyRetry QuickRetry = new(TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(200));

    private BandThresholds Bands => fixture.Cluster.Silos[0].ServiceProvider.GetRequiredService<BandThresholds>();

    [Fact]
    public async Task Both_nodes_firing_the_same_hour_publish_it_once()
    {
        var hour = PublicationHour.StartOf(HourlyClusterFixture.Now);
        await StoreAndApply("26737", Events.Received("26737", "hourly-best-1", HourlyClusterFixture.Now.AddHours(-1)), Events.Completed("26737", "hourly-best-1", HourlyClusterFixture.Now.AddMinutes(-30)));
        using var lags = new HourlyMetricsRecorder(fixture);

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
        using var lags = new HourlyMetricsRecorder(fixture);

        var publication = await fixture.GrainsOf(1).GetHourlyPublisher(hour).Publish();
        var stored = await fixture.HistoryOf(0).ReadHourAsync(hour);

        publication.Late.Should().BeTrue("the hour had passed when it was published");
        lags.Lags.Should().Equal([((HourlyClusterFixture.Now - hour).TotalSeconds, true)], "a late hour's lag runs from its own top of the hour, tagged late");
        stored.Should().HaveCount(AllUnits);
        stored.Select(s => s.Scorecard.UnitCode).Should().BeEquivalentTo(UnitDirectory.HoChiMinhCity.All.Select(u => u.Code));
        stored.Should().OnlyContain(s => s.Late && s.Scorecard.Period == "2026-11" && s.Hour == hour);
        stored.Should().OnlyContain(s => s.Scorecard.EvaluatedAt == hour, "every unit is judged at the top of its hour");
        var unit = UnitDirectory.HoChiMinhCity.Find("26737")!;
        var atHour = await fixture.Cluster.Client.GetGrain<IUnitGrain>(unit.Code).GetFiguresAt(Period.Month(2026, 11), hour);
        var expected = UnitEvaluation.Scorecard(unit, "2026-11", hour, atHour, Bands);
        var kept = stored.Single(s => s.Scorecard.UnitCode == unit.Code).Scorecard;
        kept.Total.Should().Be(expected.Total);
        kept.Band.Should().Be(expected.Band);
        kept.Counts.Should().Be(expected.Counts);
        kept.Groups.Select(g => (g.Code, g.Score)).Should().Equal(expected.Groups.Select(g => (g.Code, g.Score)));
    }

    [Fact]
    public async Task A_late_hour_carries_its_own_figures_not_todays()
    {
        const string Justice = "so-tu-phap";
        // The Department of Justice received one dossier before 07:00 on 22 November and one after;
        // the hour is published (late) the next day, when the unit holds both. (A department: the
        // hourly ranking lists communes only, so other tests' hours are not disturbed.)
        var hour = new DateTimeOffset(2026, 11, 22, 7, 0, 0, TimeSpan.FromHours(7));
        await StoreAndApply(
            Justice,
            Events.Received(Justice, "hourly-own-1", hour.AddMinutes(-30)),
            Events.Received(Justice, "hourly-own-2", hour.AddMinutes(30)));

        var publication = await fixture.GrainsOf(0).GetHourlyPublisher(hour).Publish();
        var stored = (await fixture.HistoryOf(1).ReadHourAsync(hour)).Single(s => s.Scorecard.UnitCode == Justice).Scorecard;
        var today = await fixture.Cluster.Client.GetGrain<IUnitGrain>(Justice).GetScorecard(Period.Month(2026, 11));
        var city = (await fixture.HistoryOf(1).ReadHourAsync(hour)).Single(s => s.Scorecard.UnitCode == UnitDirectory.HoChiMinhCityCode).Scorecard;

        publication.Late.Should().BeTrue();
        today.Counts.Received.Should().Be(2);
        stored.Counts.Received.Should().Be(1, "the dossier received after 07:00 is not part of the 07:00 hour, however late it is published");
        stored.EvaluatedAt.Should().Be(hour);
        city.EvaluatedAt.Should().Be(hour);
        city.Counts.Received.Should().BeGreaterThanOrEqualTo(1, "the city pools its units' figures at the same instant");
    }

    [Fact]
    public async Task Two_activations_racing_past_the_check_store_the_hour_once_and_announce_it_once()
    {
        // Two activations of one hour (a membership change): both find the hour missing and judge
        // every unit; the gate holds both at their inserts and lets them go together.
        var hour = new DateTimeOffset(2026, 11, 18, 9, 0, 0, TimeSpan.FromHours(7));
        using var metrics = new HourlyMetricsRecorder(fixture);
        fixture.Gate.Hold(2);
        var racing = new[]
        {
            fixture.PublishingOf(0).PublishAsync(hour, Guid.NewGuid()),
            fixture.PublishingOf(1).PublishAsync(hour, Guid.NewGuid()),
        };
        await fixture.Gate.WaitHeldAsync(2);
        fixture.Gate.Release();
        var outcomes = await Task.WhenAll(racing);

        outcomes.Select(o => o.Outcome).Should().BeEquivalentTo([HourlyOutcome.Published, HourlyOutcome.AlreadyPublished]);
        outcomes.Select(o => o.PublishedAt).Distinct().Should().ContainSingle("both answer with the hour the engine kept");
        (await fixture.RowsAt(hour)).Should().Be((ulong)AllUnits, "the engine dropped the second insert whole: one row per unit, before any merge");
        fixture.MessagesFor(hour).Should().ContainSingle("only the writer whose insert created the hour announces it");
        metrics.Lags.Should().ContainSingle();
        (await fixture.HistoryOf(0).ReadHourAsync(hour)).Should().HaveCount(AllUnits).And.OnlyContain(s => s.Scorecard.EvaluatedAt == hour);
    }

    [Fact]
    public async Task A_failed_insert_is_retried_within_the_hour_until_the_hour_is_stored()
    {
        var hour = new DateTimeOffset(2026, 11, 17, 11, 0, 0, TimeSpan.FromHours(7));
        using var metrics = new HourlyMetricsRecorder(fixture);
        fixture.Gate.FailBefore(2);

        // The round's clock says it is a minute into the hour; its waits run on real time, briefly.
        var round = fixture.RoundOf(1, new ScoringClock(new FakeTimeProvider(hour.AddMinutes(1))));
        var publication = await round.PublishAsync(hour, QuickRetry).WaitAsync(TimeSpan.FromMinutes(1));

        publication.Outcome.Should().Be(HourlyOutcome.Published);
        metrics.Failures.Should().Equal([true, true], "each failed attempt is counted and retried");
        (await fixture.RowsAt(hour)).Should().Be((ulong)AllUnits);
        fixture.MessagesFor(hour).Should().ContainSingle();
    }

    [Fact]
    public async Task An_insert_that_landed_before_its_call_failed_is_announced_once_by_the_retry()
    {
        var hour = new DateTimeOffset(2026, 11, 17, 12, 0, 0, TimeSpan.FromHours(7));
        using var metrics = new HourlyMetricsRecorder(fixture);
        fixture.Gate.FailAfter(1);

        var round = fixture.RoundOf(0, new ScoringClock(new FakeTimeProvider(hour.AddMinutes(1))));
        var publication = await round.PublishAsync(hour, QuickRetry).WaitAsync(TimeSpan.FromMinutes(1));

        publication.Outcome.Should().Be(HourlyOutcome.Published, "the retry reaches the same activation, whose publication the stored hour holds");
        metrics.Failures.Should().Equal([true]);
        (await fixture.RowsAt(hour)).Should().Be((ulong)AllUnits);
        fixture.MessagesFor(hour).Should().ContainSingle();
    }

    [Fact]
    public async Task Retries_stop_when_the_hour_is_over()
    {
        var hour = new DateTimeOffset(2026, 11, 17, 13, 0, 0, TimeSpan.FromHours(7));
        using var metrics = new HourlyMetricsRecorder(fixture);
        fixture.Gate.FailBefore(1);

        // Two seconds before the hour ends, a five-second wait would end in the next hour. The waits'
        // clock never moves, so the round could not finish had it waited.
        var round = fixture.RoundOf(0, new ScoringClock(new FakeTimeProvider(hour.AddHours(1).AddSeconds(-2))), new FakeTimeProvider(hour));
        var publish = () => round.PublishAsync(hour, HourlyRetry.Default);

        await publish.Should().ThrowAsync<IOException>();
        metrics.Failures.Should().Equal([false]);
        (await fixture.RowsAt(hour)).Should().Be(0, "the hour is left to the next round's catch-up");
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
        await fixture.HistoryOf(1).StoreAsync(Guid.NewGuid(), UnitDirectory.HoChiMinhCity.All
            .Select(u => new IndicatorSnapshot(hour, new Scorecard(u.Code, u.Name, "2026-11", storedAt, ScorecardCounts.Zero, 0m, "Yếu"), storedAt, false))
            .ToList());
        using var lags = new HourlyMetricsRecorder(fixture);

        var outcomes = await Task.WhenAll(
            fixture.GrainsOf(0).GetHourlyPublisher(hour).Publish(),
            fixture.GrainsOf(1).GetHourlyPublisher(hour).Publish());

        outcomes.Should().OnlyContain(o => o.Outcome == HourlyOutcome.AlreadyPublished && o.PublishedAt == storedAt && !o.Late);
        (await fixture.RowsAt(hour)).Should().Be((ulong)AllUnits);
        fixture.MessagesFor(hour).Should().BeEmpty();
        lags.Lags.Should().BeEmpty("finding the hour stored is not a publication");
    }

    [Fact]
    public async Task A_second_write_of_an_hour_is_dropped_whole_by_the_engine()
    {
        // Two writers of one hour with different figures: the engine keeps the first insert.
        var hour = new DateTimeOffset(2026, 11, 19, 9, 0, 0, TimeSpan.FromHours(7));
        var store = fixture.HistoryOf(0);
        var writers = new List<(Guid Id, HourPublication Stored)>();
        foreach (var (minute, total) in new[] { (1, 40m), (2, 41m) })
        {
            var at = hour.AddMinutes(minute);
            var id = Guid.NewGuid();
            writers.Add((id, await fixture.HistoryOf(minute - 1).StoreAsync(id, UnitDirectory.HoChiMinhCity.All
                .Select(u => new IndicatorSnapshot(hour, new Scorecard(u.Code, u.Name, "2026-11", at, ScorecardCounts.Zero, total, "Yếu"), at, false))
                .ToList())));
        }

        var read = await store.ReadHourAsync(hour);
        var totals = await store.TotalsAtAsync(hour);
        var history = await store.ReadUnitAsync("26737", hour.AddHours(-1), hour.AddHours(1), HistoryBucket.Hour, 10);

        writers[0].Stored.PublicationId.Should().Be(writers[0].Id);
        writers[1].Stored.PublicationId.Should().Be(writers[0].Id, "the second writer learns the hour is another's");
        writers[1].Stored.PublishedAt.Should().Be(hour.AddMinutes(1));
        (await fixture.RowsAt(hour)).Should().Be((ulong)AllUnits);
        read.Should().HaveCount(AllUnits).And.OnlyContain(s => s.Scorecard.Total == 40m);
        totals.Should().HaveCount(AllUnits).And.OnlyContain(t => t.Value == 40m);
        history.Should().ContainSingle().Which.Total.Should().Be(40m);
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
        october.Should().OnlyContain(
            s => s.Late && s.Scorecard.Period == "2026-10" && s.Scorecard.EvaluatedAt == last.AddHours(2),
            "a missed hour carries its own month's figures, judged at the top of that hour");
    }

    [Fact]
    public async Task The_hourly_message_lists_what_changed_since_the_previous_hour()
    {
        var previous = new DateTimeOffset(2026, 11, 1, 1, 0, 0, TimeSpan.FromHours(7));
        await fixture.GrainsOf(0).GetHourlyPublisher(previous).Publish();
        var before = (await fixture.HistoryOf(0).TotalsAtAsync(previous))["26740"];
        // Between the two hours: the next hour is judged at its own top, 02:00.
        await StoreAndApply("26740", Events.Received("26740", "hourly-change-1", previous.AddMinutes(10)), Events.Completed("26740", "hourly-change-1", previous.AddMinutes(40)));

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
