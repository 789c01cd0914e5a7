using GovPulse.Notifications.Notices;
using GovPulse.Notifications.Subscriptions;
using GovPulse.Notifications.Summaries;
using GovPulse.Security;
using Microsoft.Extensions.DependencyInjection;

namespace GovPulse.Grains.Tests.Notifications.Summaries;

/// <summary>
/// Quiet hours on two nodes over the real engine, on a fake clock: nothing pushed inside them
/// (alerts held in ClickHouse), then one catch-up digest per subscription at the first publication after them.
/// </summary>
public sealed class QuietHoursDigestTests(SummariesClusterFixture fixture) : IClassFixture<SummariesClusterFixture>
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    [Fact]
    public async Task Quiet_hours_hold_everything_then_the_first_publication_after_them_sends_one_digest()
    {
        await fixture.AddUserAsync("b-lanhdao", Roles.Leader, null);
        await fixture.AddUserAsync("b-canhbao", Roles.Leader, null);
        // Subscribed this evening: the night before is none of theirs.
        var subscribed = new DateTimeOffset(2026, 12, 9, 20, 0, 0, Vietnam);
        var hourly = await fixture.SubscribeAsync("b-lanhdao", DeliverySchedule.Hourly, QuietHours.Default, createdAt: subscribed);
        var alertsOnly = await fixture.SubscribeAsync("b-canhbao", DeliverySchedule.Alerts, QuietHours.Default, createdAt: subscribed);
        await fixture.AddUserAsync("bz-awake", Roles.Leader, null);
        await fixture.SubscribeAsync("bz-awake", DeliverySchedule.Hourly, QuietHours.None);
        var notifier = new PersonNotifier(fixture.Subscriptions, fixture.Services(1).GetRequiredService<SubscriptionDelivery>(), fixture.Clock);
        var held = fixture.Services(0).GetRequiredService<IHeldNoticeStore>();

        await fixture.RunHourAsync(new(2026, 12, 9, 21, 0, 0, Vietnam), 70.00m);
        fixture.Sender.To("b-").Should().ContainSingle(s => s.Subscription.Id == hourly.Id && s.Notice.Kind == NoticeKind.Hourly, "21:00 is before the quiet hours");

        await fixture.RunHourAsync(new(2026, 12, 9, 22, 0, 0, Vietnam), 71.00m);
        fixture.Time.SetUtcNow(new DateTimeOffset(2026, 12, 9, 23, 30, 0, Vietnam));
        (await notifier.NotifyAsync("b-lanhdao", Alert("b-1", "Phường Tân Định tụt xếp loại"))).Should().Be(new NoticeDelivery(0, 1, 0, 0));
        (await notifier.NotifyAsync("b-canhbao", Alert("b-2", "Phường Sài Gòn dưới 80%"))).Should().Be(new NoticeDelivery(0, 1, 0, 0));
        await fixture.RunHourAsync(new(2026, 12, 10, 6, 0, 0, Vietnam), 72.00m);
        fixture.Sender.To("b-").Should().HaveCount(1, "nothing is pushed inside the quiet hours");
        (await held.ListAsync(hourly.Id)).Select(h => h.NoticeId).Should().Equal("alert/b-1");

        var seven = new DateTimeOffset(2026, 12, 10, 7, 0, 0, Vietnam);
        await fixture.RunHourAsync(seven, 72.50m);
        (await fixture.Services(1).GetRequiredService<SummaryRound>().RunAsync(seven)).Push.Should().Be(NoticeDelivery.None, "a second run of the hour (another node) sends nothing");

        var morning = fixture.Sender.To("b-").Skip(1).ToList();
        morning.Should().HaveCount(2, "one digest per subscription, and no hourly summary beside it");
        var digest = morning.Single(s => s.Subscription.Id == hourly.Id).Notice;
        digest.Kind.Should().Be(NoticeKind.Digest);
        digest.Title.Vi.Should().Be("Trong giờ yên tĩnh 22:00–06:30 · TP.HCM");
        digest.Body.Vi.Should().StartWith("Tổng điểm 71,00 → 72,50 (+1,50).", "from the hour the quiet hours began to now");
        digest.Body.Vi.Should().EndWith("1 thông báo chờ: Phường Tân Định tụt xếp loại.");
        var alertsDigest = morning.Single(s => s.Subscription.Id == alertsOnly.Id).Notice;
        alertsDigest.Body.Vi.Should().Be("1 thông báo chờ: Phường Sài Gòn dưới 80%.", "an alerts-only subscription hears of the held alerts, not of the figures");
        (await held.ListAsync(hourly.Id)).Should().BeEmpty("the digest cleared what it listed");
        (await held.ListAsync(alertsOnly.Id)).Should().BeEmpty();

        await fixture.RunHourAsync(new(2026, 12, 10, 8, 0, 0, Vietnam), 73.00m);
        var toAwake = fixture.Sender.To("bz-").Count;
        toAwake.Should().Be(5, "someone without quiet hours heard every hour, 21:00 to 08:00");
        await fixture.PublishHourAsync(new(2026, 12, 10, 5, 0, 0, Vietnam), (Indicators.Units.UnitDirectory.HoChiMinhCityCode, 71.50m, "Khá"));
        (await fixture.Services(0).GetRequiredService<SummaryRound>().RunAsync(new(2026, 12, 10, 5, 0, 0, Vietnam))).Should().Be(SummaryReport.Empty);
        fixture.Sender.To("bz-").Should().HaveCount(toAwake, "an hour whose summaries run more than two hours late (a fill after an outage) sends nothing");
        fixture.Sender.To("b-").Skip(3).Select(s => (s.Subscription.Id, s.Notice.Kind)).Should().Equal([(hourly.Id, NoticeKind.Hourly)], "after the digest, hourly summaries again");
        fixture.Time.SetUtcNow(new DateTimeOffset(2026, 12, 10, 8, 30, 0, Vietnam));
        (await notifier.NotifyAsync("b-canhbao", Alert("b-3", "Phường Bến Thành"))).Should().Be(new NoticeDelivery(1, 0, 0, 0), "outside the quiet hours an alert goes at once");
    }

    private static Notice Alert(string id, string title) => new(
        $"alert/{id}", NoticeKind.AlertStarted, new NoticeText(title, "EN " + title), new NoticeText("…", "…"), "/#/", "alert-" + id, NoticeUrgency.High,
        TimeSpan.FromHours(12), DateTimeOffset.UnixEpoch);
}
