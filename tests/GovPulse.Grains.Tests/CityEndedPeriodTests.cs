using System.Text.Json;
using System.Text.Json.Nodes;
using GovPulse.Dashboard.Apis;
using GovPulse.Grains.Tests.Fixtures;
using GovPulse.Indicators.Evaluation;
using GovPulse.Indicators.Events;
using GovPulse.Indicators.Periods;
using GovPulse.Indicators.Scoring;
using GovPulse.Indicators.Units;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace GovPulse.Grains.Tests;

/// <summary>
/// The city answers ended periods from the unit reports it keeps, asking a unit again only when its
/// log moved, reconciles by reading the units' positions instead of asking every unit, and never wakes
/// a unit with no events. Real cluster, real ClickHouse, every unit grain call recorded by a filter.
/// </summary>
public sealed class CityEndedPeriodTests(CityClusterFixture fixture) : IClassFixture<CityClusterFixture>, IAsyncLifetime
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private WebApplication _web = null!;
    private Uri _address = null!;

    private ICityGrain City => fixture.Cluster.Client.GetGrain<ICityGrain>(UnitDirectory.HoChiMinhCityCode);

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddSingleton(UnitDirectory.HoChiMinhCity);
        builder.Services.AddSingleton(fixture.Clock);
        builder.Services.AddSingleton<IGrainFactory>(fixture.Cluster.Client);
        _web = builder.Build();
        _web.MapGroup("/api/v1").MapRankingApi().MapScorecardApi();
        await _web.StartAsync();
        _address = new Uri(_web.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    public async Task DisposeAsync() => await _web.DisposeAsync();

    [Fact]
    public async Task An_ended_month_asked_again_asks_no_unit_and_a_late_event_asks_only_its_unit()
    {
        const string late = "27142"; // Phường Nhiêu Lộc
        const string other = "27139"; // Phường Xuân Hòa
        var september = Period.Month(2026, 9);
        await FeedAsync(
            Events.Received(late, "kept-1", At(9, 3)),
            Events.Completed(late, "kept-1", At(9, 4)),
            Events.Received(other, "kept-2", At(9, 10)));

        var first = await City.GetScorecard(september);
        var mark = fixture.Calls.Mark;
        var second = await City.GetScorecard(september);
        var askedForSecond = fixture.Calls.Since(mark);

        await FeedAsync(Events.Received(late, "kept-late", At(9, 20)), Events.Completed(late, "kept-late", At(9, 21)));
        mark = fixture.Calls.Mark;
        var third = await City.GetScorecard(september);
        var askedForThird = fixture.Calls.ReportsAskedSince(mark);

        askedForSecond.Should().BeEmpty("nothing moved since the first answer");
        JsonSerializer.Serialize(second, Json).Should().Be(JsonSerializer.Serialize(first, Json));
        askedForThird.Should().Equal([late], "only the unit whose log moved is asked again");
        third.Counts.Received.Should().Be(first.Counts.Received + 1);
        third.Counts.Finished.Should().Be(first.Counts.Finished + 1);
        third.Version.Should().Be(first.Version + 2, "the late unit's position moved by its two events");
    }

    [Fact]
    public async Task The_dashboard_ranks_an_ended_month_from_what_the_city_keeps_as_the_units_would()
    {
        const string busy = "26743"; // Phường Bến Thành
        const string quiet = "27154"; // Phường Bàn Cờ
        const string department = "so-tu-phap"; // no event in this test's database
        var august = Period.Month(2026, 8);
        await FeedAsync(
            Events.Received(busy, "rank-1", At(8, 3)),
            Events.Completed(busy, "rank-1", At(8, 5)),
            Events.Received(busy, "rank-2", At(8, 6)),
            Events.Received(quiet, "rank-3", At(8, 7)) with { Channel = Channel.Direct });

        using var http = new HttpClient { BaseAddress = _address };
        using var first = await http.GetAsync(new Uri("/api/v1/rankings?period=2026-08&level=commune", UriKind.Relative));
        var firstBody = await first.Content.ReadAsStringAsync();
        var mark = fixture.Calls.Mark;
        using var second = await http.GetAsync(new Uri("/api/v1/rankings?period=2026-08&level=commune", UriKind.Relative));
        var secondBody = await second.Content.ReadAsStringAsync();
        using var scorecard = await http.GetAsync(new Uri($"/api/v1/units/{busy}/indicators?period=2026-08", UriKind.Relative));
        var kept = (await City.GetUnitScorecards(august, [busy, quiet, department])).Value;
        var askedAgain = fixture.Calls.Since(mark);
        var fromUnits = await Task.WhenAll(new[] { busy, quiet, department }.Select(u => fixture.Cluster.Client.GetGrain<IUnitGrain>(u).GetScorecard(august)));

        first.Headers.GetValues(RankingApi.SourceHeader).Should().Equal("live");
        secondBody.Should().Be(firstBody);
        askedAgain.Should().BeEmpty("the ranking, the scorecard and the city's list all came from the reports the city keeps");
        JsonNode.DeepEquals(JsonNode.Parse(await scorecard.Content.ReadAsStringAsync()), JsonSerializer.SerializeToNode(fromUnits[0], Json))
            .Should().BeTrue("the unit's scorecard of an ended month is what its grain gives");
        kept.Select(s => JsonSerializer.Serialize(s, Json)).Should().Equal(fromUnits.Select(s => JsonSerializer.Serialize(s, Json)),
            "a kept report gives the scorecard the unit's grain gives, a unit with no event included");
        firstBody.Should().Contain($"\"unitCode\":\"{busy}\"").And.Contain($"\"unitCode\":\"{quiet}\"");
    }

    [Fact]
    public async Task A_lost_report_heals_at_reconciliation_which_asks_only_the_unit_whose_log_moved()
    {
        const string unit = "26506"; // Phường Vũng Tàu
        var november = Period.MonthOf(CityClusterFixture.Now);
        var before = await City.GetScorecard(november);
        var dropping = fixture.Reports.DropNextOf(unit);

        await fixture.Cluster.Client.GetGrain<IUnitGrain>(unit).Apply([Events.Received(unit, "reconcile-1", CityClusterFixture.Now.AddHours(-1))]);
        var lost = await dropping;
        var stale = await City.GetScorecard(november);
        var mark = fixture.Calls.Mark;
        await City.Reconcile();
        var asked = fixture.Calls.ReportsAskedSince(mark);
        var healed = await City.GetScorecard(november);

        lost.Figures.Counts.Received.Should().Be(1);
        stale.Counts.Received.Should().Be(before.Counts.Received, "the unit's report never reached the city");
        asked.Should().Equal([unit], "every other unit's log stands where its kept report does");
        healed.Counts.Received.Should().Be(before.Counts.Received + 1);
        healed.Version.Should().Be(before.Version + lost.Position);
    }

    [Fact]
    public async Task The_city_pools_the_current_month_as_every_unit_reports_it_and_never_asks_a_unit_with_no_events()
    {
        var november = Period.MonthOf(CityClusterFixture.Now);
        await FeedAsync(
            Events.Received("26526", "pool-1", CityClusterFixture.Now.AddDays(-3)), // Phường Tam Thắng
            Events.Completed("26526", "pool-1", CityClusterFixture.Now.AddDays(-1)),
            Events.Received("so-noi-vu", "pool-2", CityClusterFixture.Now.AddDays(-2).AddHours(-1))); // due an hour ago: no due time to come

        var city = await City.GetScorecard(november);
        var logged = await fixture.Store.LastPositionsAsync();
        var askedSoFar = fixture.Calls.ReportsAskedSince(0);
        var reports = await Task.WhenAll(UnitDirectory.HoChiMinhCity.All.Select(u => fixture.Cluster.Client.GetGrain<IUnitGrain>(u.Code).GetReport(november)));
        var own = reports.Single(r => r.UnitCode == UnitDirectory.HoChiMinhCityCode).Figures;
        var expected = UnitEvaluation.Scorecard(
            UnitDirectory.HoChiMinhCity.City, november.Label, november.EvaluationTime(fixture.Clock.Now), UnitEvaluation.Pool(reports.Select(r => r.Figures), own), fixture.Cluster.Silos[0].ServiceProvider.GetRequiredService<BandThresholds>())
            with { Version = reports.Sum(r => r.Position) };

        askedSoFar.Should().NotBeEmpty().And.OnlyContain(u => logged.ContainsKey(u), "a unit with no event in the log is never woken for its figures");
        JsonSerializer.Serialize(city, Json).Should().Be(JsonSerializer.Serialize(expected, Json));
    }

    private static DateTimeOffset At(int month, int day) => new(2026, month, day, 9, 0, 0, Vietnam);

    /// <summary>Feeds the events to their units as the node does, and waits until the city has heard each unit's report of them.</summary>
    private async Task FeedAsync(params UnitEvent[] events)
    {
        foreach (var unit in events.GroupBy(e => e.UnitCode))
        {
            var heard = fixture.Reports.Handled(r => r.UnitCode == unit.Key);
            await fixture.Cluster.Client.GetGrain<IUnitGrain>(unit.Key).Apply([.. unit]);
            await heard;
        }
    }
}
