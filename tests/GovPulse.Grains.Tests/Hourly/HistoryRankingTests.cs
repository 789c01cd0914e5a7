using GovPulse.Dashboard.Apis;
using GovPulse.Grains.Tests.Fixtures;
using GovPulse.Indicators.Periods;
using GovPulse.Indicators.Units;
using GovPulse.Storage.ClickHouse;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace GovPulse.Grains.Tests.Hourly;

/// <summary>
/// <c>GET /rankings</c> of an ended month ranks from the month's last published hour, so it stays
/// the same when late events change the live figures; other periods rank live.
/// </summary>
public sealed class HistoryRankingTests(HourlyClusterFixture fixture) : IClassFixture<HourlyClusterFixture>, IAsyncLifetime
{
    private const string LateCommune = "26506"; // Phường Vũng Tàu
    private WebApplication _web = null!;
    private Uri _address = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddSingleton(UnitDirectory.HoChiMinhCity);
        builder.Services.AddSingleton(new ScoringClock(fixture.Time));
        builder.Services.AddSingleton(fixture.GrainsOf(0));
        _web = builder.Build();
        _web.MapGroup("/api/v1").MapRankingApi();
        await _web.StartAsync();
        var address = _web.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _address = new Uri(address);
    }

    public async Task DisposeAsync()
    {
        await _web.DisposeAsync();
    }

    [Fact]
    public async Task An_ended_month_ranks_from_its_last_published_hour_and_stays_put()
    {
        await fixture.GrainsOf(0).GetHourlyPublisher(new DateTimeOffset(2026, 10, 20, 9, 0, 0, TimeSpan.FromHours(7))).Publish();
        var last = new DateTimeOffset(2026, 10, 20, 15, 0, 0, TimeSpan.FromHours(7));
        await fixture.GrainsOf(1).GetHourlyPublisher(last).Publish();

        using var http = new HttpClient { BaseAddress = _address };
        using var first = await http.GetAsync(new Uri("/api/v1/rankings?period=2026-10", UriKind.Relative));
        var firstBody = await first.Content.ReadAsStringAsync();
        await StoreAndApply(
            Events.Received(LateCommune, "late-october-1", new DateTimeOffset(2026, 10, 10, 9, 0, 0, TimeSpan.FromHours(7))),
            Events.Completed(LateCommune, "late-october-1", new DateTimeOffset(2026, 10, 11, 9, 0, 0, TimeSpan.FromHours(7))));
        using var second = await http.GetAsync(new Uri("/api/v1/rankings?period=2026-10", UriKind.Relative));
        var live = await fixture.Cluster.Client.GetGrain<IUnitGrain>(LateCommune).GetScorecard(Period.Month(2026, 10));

        first.Headers.GetValues(RankingApi.SourceHeader).Should().Equal("history");
        first.Headers.GetValues(RankingApi.SnapshotHeader).Should().Equal("2026-10-20T15:00:00+07:00");
        (await second.Content.ReadAsStringAsync()).Should().Be(firstBody, "a published month does not move");
        live.Counts.Received.Should().Be(1, "the live figures did take the late event");
        firstBody.Should().Contain($"\"unitCode\":\"{LateCommune}\"");
    }

    [Theory]
    [InlineData("2026-11")] // still running
    [InlineData("2026-Q3")] // ended, but snapshots hold months
    [InlineData("2025-01")] // ended, never published
    public async Task Other_periods_rank_live(string period)
    {
        using var http = new HttpClient { BaseAddress = _address };
        using var response = await http.GetAsync(new Uri($"/api/v1/rankings?period={period}&level=department", UriKind.Relative));

        response.IsSuccessStatusCode.Should().BeTrue();
        response.Headers.GetValues(RankingApi.SourceHeader).Should().Equal("live");
    }

    [Fact]
    public async Task A_month_whose_publication_is_over_is_looked_up_in_the_history_once_per_node()
    {
        using var http = new HttpClient { BaseAddress = _address };
        using var first = await http.GetAsync(new Uri("/api/v1/rankings?period=2024-06&level=department", UriKind.Relative));
        var lookups = fixture.Gate.LastHourLookups;
        using var second = await http.GetAsync(new Uri("/api/v1/rankings?period=2024-06&level=department", UriKind.Relative));
        var after = fixture.Gate.LastHourLookups;

        first.Headers.GetValues(RankingApi.SourceHeader).Should().Equal("live");
        second.Headers.GetValues(RankingApi.SourceHeader).Should().Equal("live");
        (await second.Content.ReadAsStringAsync()).Should().Be(await first.Content.ReadAsStringAsync());
        after.Should().Be(lookups, "no hour of a month ended over 32 days ago is published any more, so the node remembers it has none");
    }

    private async Task StoreAndApply(params Indicators.Events.UnitEvent[] events)
    {
        await fixture.Cluster.Client.GetGrain<IUnitGrain>(events[0].UnitCode).Apply([.. events]);
    }
}
