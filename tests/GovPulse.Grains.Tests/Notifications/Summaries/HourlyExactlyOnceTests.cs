using GovPulse.Grains.Tests.Fixtures;
using GovPulse.Indicators.Scoring;
using GovPulse.Notifications.Notices;
using GovPulse.Notifications.Subscriptions;
using GovPulse.Notifications.Summaries;
using GovPulse.Security;
using Microsoft.Extensions.DependencyInjection;

namespace GovPulse.Grains.Tests.Notifications.Summaries;

/// <summary>
/// The hourly summary on two nodes over the real engine: one notice per subscription per hour
/// however often and wherever the hour runs, and a department head's speaks of their unit only.
/// </summary>
public sealed class HourlyExactlyOnceTests(SummariesClusterFixture fixture) : IClassFixture<SummariesClusterFixture>
{
    private const string TanDinh = "26737";
    private const string SaiGon = "26740";
    private const string BenThanh = "26743";
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    [Fact]
    public async Task Each_subscription_gets_one_summary_per_hour_however_often_and_wherever_the_hour_runs()
    {
        var hour = new DateTimeOffset(2026, 12, 8, 10, 0, 0, Vietnam);
        await fixture.AddUserAsync("a-lanhdao", Roles.Leader, null);
        await fixture.AddUserAsync("a-truong", Roles.DepartmentHead, TanDinh);
        await fixture.AddUserAsync("a-off", Roles.Leader, null, disabled: true);
        var leader = await fixture.SubscribeAsync("a-lanhdao", DeliverySchedule.Hourly, QuietHours.None);
        var head = await fixture.SubscribeAsync("a-truong", DeliverySchedule.Hourly, QuietHours.None, "en");
        await fixture.SubscribeAsync("a-truong", DeliverySchedule.Daily, QuietHours.None);
        await fixture.SubscribeAsync("a-off", DeliverySchedule.Hourly, QuietHours.None);

        // Two dossiers fall due inside the hour (one in each commune), and stay open.
        await fixture.ApplyAsync(TanDinh, Events.Received(TanDinh, "a-due-1", hour.AddDays(-2).AddMinutes(-30)));
        await fixture.ApplyAsync(SaiGon, Events.Received(SaiGon, "a-due-2", hour.AddDays(-2).AddMinutes(-20)));
        await fixture.PublishHourAsync(hour.AddHours(-1), ("79", 78.10m, "Khá"), (TanDinh, 81.00m, "Tốt"), (SaiGon, 69.50m, "Trung bình"), (BenThanh, 90m, "Xuất sắc"));
        await fixture.PublishHourAsync(hour, ("79", 78.45m, "Khá"), (TanDinh, 79.20m, "Khá"), (SaiGon, 70.10m, "Khá"), (BenThanh, 90m, "Xuất sắc"));
        fixture.Time.SetUtcNow(hour.AddSeconds(20));

        // The publishing node's listener, on either node; then the hour's grain, and each node's round as a second activation would run it.
        var summary = new HourlySummary(hour, hour.AddSeconds(20), false, new Scorecard("79", "TP", "2026-12", hour, ScorecardCounts.Zero), [], [], []);
        await fixture.Services(0).GetServices<IFiguresListener>().OfType<SummariesListener>().Single().OnHourlyAsync(summary);
        await fixture.Services(1).GetServices<IFiguresListener>().OfType<SummariesListener>().Single().OnHourlyAsync(summary);
        await fixture.Cluster.Client.GetGrain<ISummaryHourGrain>(PublicationHour.Key(hour)).Deliver();
        var again = await fixture.Services(1).GetRequiredService<SummaryRound>().RunAsync(hour);
        await fixture.Services(0).GetRequiredService<SummaryRound>().RunAsync(hour);

        again.Push.Should().Be(NoticeDelivery.None, "the hour's deliveries were marked done");
        var sent = fixture.Sender.To("a-").Where(s => s.Notice.Id.Contains("2026-12-08T10", StringComparison.Ordinal)).ToList();
        sent.Select(s => s.Subscription.Id).Should().BeEquivalentTo([leader.Id, head.Id], "one notice per hourly subscription; the daily one waits for 07:00 and a disabled person gets none");

        var toLeader = sent.Single(s => s.Subscription.Id == leader.Id).Notice;
        toLeader.Kind.Should().Be(NoticeKind.Hourly);
        toLeader.Title.Vi.Should().Be("Bản tin hằng giờ 10:00 08/12/2026 · TP.HCM");
        toLeader.Body.Vi.Should().Be(
            "Tổng điểm 78,45 (+0,35 trong giờ), xếp loại Khá. 2 phường, xã đổi xếp loại: Phường Sài Gòn Trung bình → Khá; Phường Tân Định Tốt → Khá. "
            + "2 hồ sơ mới quá hạn trong giờ.");

        var toHead = sent.Single(s => s.Subscription.Id == head.Id).Notice;
        toHead.UnitCode.Should().Be(TanDinh);
        toHead.Url.Should().Be("/#/units/26737");
        toHead.Body.En.Should().Be("Total 79.20 points (−1.80 in the hour), band Fair. Band changed: Good → Fair. 1 dossier turned overdue in the hour.");
        string.Join(" ", toHead.Title.Vi, toHead.Title.En, toHead.Body.Vi, toHead.Body.En, toHead.DataJson)
            .Should().NotContain("Sài Gòn").And.NotContain(SaiGon).And.NotContain("Bến Thành").And.NotContain("TP.HCM").And.NotContain("78,45").And.NotContain("78.45");

        fixture.Webhooks.Enqueued.Where(n => n.Id == "hourly/2026-12-08T10/city").Should().ContainSingle("the webhooks get the city-wide version once per hour");
    }
}
