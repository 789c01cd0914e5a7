using System.Collections.Immutable;
using GovPulse.Grains.Tests.Fixtures;
using GovPulse.Indicators.Evaluation;
using GovPulse.Indicators.Events;
using GovPulse.Indicators.Periods;
using GovPulse.Indicators.Units;

namespace GovPulse.Grains.Tests;

/// <summary>
/// The city keeps its units' figures by log position, never by a clock, and heals a lost report by
/// asking the units again (issue 13). Real cluster, real ClickHouse; reports are lost in the silos'
/// own call pipeline.
/// </summary>
public sealed class CityReconciliationTests(DroppedReportsClusterFixture fixture) : IClassFixture<DroppedReportsClusterFixture>
{
    private ICityGrain City => fixture.Cluster.Client.GetGrain<ICityGrain>(UnitDirectory.HoChiMinhCityCode);

    [Fact]
    public async Task A_report_with_a_lower_position_never_replaces_a_higher_one_whatever_the_clocks_say()
    {
        const string unit = "27142"; // Phường Nhiêu Lộc
        var now = DateTimeOffset.UtcNow;
        var month = Period.MonthOf(now);
        var before = await City.GetScorecard(month);
        var real = await fixture.Cluster.Client.GetGrain<IUnitGrain>(unit).GetReport(month);

        // The newer position judged on a node an hour behind; the older one on a node an hour ahead, arriving last.
        var newer = real with { Position = real.Position + 1_000_002, Figures = WithReceived(real.Figures, 500), EvaluatedAt = now.AddHours(-1) };
        var older = real with { Position = real.Position + 1_000_001, Figures = WithReceived(real.Figures, 400), EvaluatedAt = now.AddHours(1) };
        await ReportAsync(newer);
        var afterNewer = await City.GetScorecard(month);
        await ReportAsync(older);
        var afterOlder = await City.GetScorecard(month);

        afterNewer.Counts.Received.Should().Be(before.Counts.Received - real.Figures.Counts.Received + 500);
        afterOlder.Counts.Should().Be(afterNewer.Counts, "a lower position is older, however late its node's clock says it was judged");
        afterOlder.Version.Should().Be(before.Version - real.Position + newer.Position, "the city's version is the sum of its reports' positions");
    }

    [Fact]
    public async Task At_the_same_position_the_later_judgement_wins()
    {
        const string unit = "27139"; // Phường Xuân Hòa
        var now = DateTimeOffset.UtcNow;
        var month = Period.MonthOf(now);
        var before = await City.GetScorecard(month);
        var real = await fixture.Cluster.Client.GetGrain<IUnitGrain>(unit).GetReport(month);
        var position = real.Position + 2_000_000;
        await ReportAsync(real with { Position = position, Figures = WithReceived(real.Figures, 300), EvaluatedAt = now });

        await ReportAsync(real with { Position = position, Figures = WithReceived(real.Figures, 301), EvaluatedAt = now.AddMinutes(1) });
        var later = await City.GetScorecard(month);
        await ReportAsync(real with { Position = position, Figures = WithReceived(real.Figures, 302), EvaluatedAt = now.AddMinutes(-1) });
        var earlier = await City.GetScorecard(month);

        earlier.Counts.Should().Be(later.Counts, "the same events judged earlier are not newer");
        later.Counts.Received.Should().Be(before.Counts.Received - real.Figures.Counts.Received + 301);
    }

    [Fact]
    public async Task A_report_lost_on_the_way_heals_when_the_city_reconciles()
    {
        const string unit = "26743"; // Phường Bến Thành
        var now = DateTimeOffset.UtcNow;
        var month = Period.MonthOf(now);
        var before = await City.GetScorecard(month);
        var dropping = fixture.Reports.DropNextOf(unit);

        await FeedAsync([Events.Received(unit, "lost-report-1", now.AddMinutes(-1))]);
        var lost = await dropping;
        var stale = await City.GetScorecard(month);
        await City.Reconcile();
        var healed = await City.GetScorecard(month);

        lost.Figures.Counts.Received.Should().Be(1);
        stale.Counts.Received.Should().Be(before.Counts.Received, "the unit's report never reached the city");
        healed.Counts.Received.Should().Be(before.Counts.Received + 1);
        healed.Version.Should().BeGreaterThanOrEqualTo(before.Version);
        var pushed = await fixture.Publisher.WaitFor(s => s.UnitCode == UnitDirectory.HoChiMinhCityCode && s.Counts.Received == healed.Counts.Received && s.Version == healed.Version);
        pushed.PreviousVersion.Should().NotBeNull("a live push names the push before it");
    }

    /// <summary>Sends a report as a unit does (one-way) and waits until the city has handled it.</summary>
    private async Task ReportAsync(UnitFiguresReport report)
    {
        var handled = fixture.Reports.Handled(r => r.UnitCode == report.UnitCode && r.Position == report.Position && r.EvaluatedAt == report.EvaluatedAt);
        await City.Report(report);
        await handled;
    }

    private static UnitFigures WithReceived(UnitFigures figures, long received) =>
        figures with { Counts = figures.Counts with { Received = received } };

    /// <summary>Feeds events to their units the way the node does: each unit grain stores its events and applies them.</summary>
    private async Task FeedAsync(ImmutableArray<UnitEvent> events)
    {
        foreach (var unit in events.GroupBy(e => e.UnitCode))
        {
            await fixture.Cluster.Client.GetGrain<IUnitGrain>(unit.Key).Apply([.. unit]);
        }
    }
}
