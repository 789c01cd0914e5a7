using GovPulse.Grains.Tests.Fixtures;
using GovPulse.Indicators.Dossiers;
using GovPulse.Notifications.Notices;
using GovPulse.Notifications.Subscriptions;
using GovPulse.Security;

namespace GovPulse.Grains.Tests.Notifications.Summaries;

/// <summary>The department heads' morning list at 07:00 on working days, skipping Tết 2026, from the real unit grains.</summary>
public sealed class MorningListTests(SummariesClusterFixture fixture) : IClassFixture<SummariesClusterFixture>
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    [Fact]
    public async Task The_morning_list_goes_on_working_days_and_skips_Tet()
    {
        const string unit = "27154"; // Phường Bàn Cờ
        await fixture.AddUserAsync("c-truong", Roles.DepartmentHead, unit);
        await fixture.AddUserAsync("c-lanhdao", Roles.Leader, null);
        var head = await fixture.SubscribeAsync("c-truong", DeliverySchedule.Alerts, QuietHours.None);
        await fixture.SubscribeAsync("c-lanhdao", DeliverySchedule.Alerts, QuietHours.None);
        fixture.Time.SetUtcNow(new DateTimeOffset(2026, 2, 12, 10, 10, 0, Vietnam));
        var dueAfterTet = new DateTimeOffset(2026, 2, 23, 17, 0, 0, Vietnam);
        await fixture.ApplyAsync(unit, Events.Received(unit, "c-after-tet", new(2026, 2, 12, 10, 0, 0, Vietnam)) with { DueAt = dueAfterTet });
        await fixture.ApplyAsync(unit, Events.Received(unit, "c-later", new(2026, 2, 12, 10, 5, 0, Vietnam)) with { DueAt = new DateTimeOffset(2026, 2, 27, 17, 0, 0, Vietnam) });
        var chase = await fixture.Cluster.Client.GetGrain<IUnitGrain>(unit).GetDossiersToChase(ChaseStatus.InProgress, 0, 10, new(2026, 2, 13, 7, 0, 0, Vietnam));
        chase.Dossiers.Select(d => d.DueAt).Should().Contain(dueAfterTet, "the dossier's own due time is kept");

        await fixture.RunHourAsync(new(2026, 2, 13, 7, 0, 0, Vietnam), 60m, unit);
        foreach (var day in new[] { 14, 16, 17, 20 })
        {
            await fixture.RunHourAsync(new(2026, 2, day, 7, 0, 0, Vietnam), 60m, unit);
        }

        fixture.Sender.To("c-").Select(s => s.Notice.Id).Should().Equal(["morning/2026-02-13/c-truong"], "no list on the days of Tết");

        await fixture.RunHourAsync(new(2026, 2, 23, 7, 0, 0, Vietnam), 60m, unit);
        await fixture.RunHourAsync(new(2026, 2, 23, 8, 0, 0, Vietnam), 60m, unit);

        var lists = fixture.Sender.To("c-");
        lists.Should().OnlyContain(s => s.Subscription.Id == head.Id && s.Notice.Kind == NoticeKind.MorningList, "only the department head gets a morning list");
        lists.Select(s => s.Notice.Id).Should().Equal("morning/2026-02-13/c-truong", "morning/2026-02-23/c-truong");
        lists[0].Notice.Body.Vi.Should().Be("1 hồ sơ sẽ quá hạn nếu chưa giải quyết: c-after-tet hạn 17:00 23/02.", "on the Friday before Tết, tomorrow is the first working day after it");
        lists[1].Notice.Body.En.Should().Be("1 dossier turns overdue unless settled: c-after-tet due 17:00 23 Feb.");
        lists[1].Notice.Url.Should().Be($"/#/units/{unit}/late?show=due-soon");
        fixture.Webhooks.Enqueued.Where(n => n.Kind == NoticeKind.MorningList && n.UnitCode == unit).Select(n => n.Id)
            .Should().Equal("morning/2026-02-13/27154", "morning/2026-02-23/27154");
    }
}
