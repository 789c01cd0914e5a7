using GovPulse.Notifications.Notices;
using GovPulse.Notifications.Subscriptions;
using GovPulse.Security;

namespace GovPulse.Grains.Tests.Notifications.Summaries;

/// <summary>The daily summary at 07:00 for people who chose "daily": once a day, compared with 07:00 the day before, never at other hours.</summary>
public sealed class DailySummaryTests(SummariesClusterFixture fixture) : IClassFixture<SummariesClusterFixture>
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    [Fact]
    public async Task A_daily_subscription_hears_at_seven_only_compared_with_seven_yesterday()
    {
        await fixture.AddUserAsync("d-lanhdao", Roles.Leader, null);
        await fixture.AddUserAsync("d-gio", Roles.Leader, null);
        var daily = await fixture.SubscribeAsync("d-lanhdao", DeliverySchedule.Daily, QuietHours.None);
        await fixture.SubscribeAsync("d-gio", DeliverySchedule.Hourly, QuietHours.None);

        await fixture.RunHourAsync(new(2026, 12, 6, 7, 0, 0, Vietnam), 78.10m);
        var afterFirstMorning = fixture.Sender.To("d-lanhdao").Count;
        await fixture.RunHourAsync(new(2026, 12, 6, 8, 0, 0, Vietnam), 78.20m);
        await fixture.RunHourAsync(new(2026, 12, 6, 9, 0, 0, Vietnam), 78.30m);
        fixture.Sender.To("d-lanhdao").Should().HaveCount(afterFirstMorning, "a daily subscription hears nothing at the other hours");

        await fixture.RunHourAsync(new(2026, 12, 7, 7, 0, 0, Vietnam), 78.45m);

        var sent = fixture.Sender.To("d-lanhdao").Skip(afterFirstMorning).Should().ContainSingle().Subject;
        sent.Subscription.Id.Should().Be(daily.Id);
        sent.Notice.Kind.Should().Be(NoticeKind.Daily);
        sent.Notice.Id.Should().Be("daily/2026-12-07/d-lanhdao");
        sent.Notice.Title.Vi.Should().Be("Bản tin ngày 07/12/2026 · TP.HCM");
        sent.Notice.Body.Vi.Should().StartWith("Tổng điểm 78,45 (+0,35 so với 07:00 hôm qua)", "compared with 07:00 yesterday (78,10), not the last hour published");
        fixture.Sender.To("d-gio").Should().OnlyContain(s => s.Notice.Kind == NoticeKind.Hourly, "an hourly subscription gets no daily summary");
        fixture.Webhooks.Enqueued.Where(n => n.Kind == NoticeKind.Daily && n.Id.Contains("2026-12-07", StringComparison.Ordinal))
            .Should().ContainSingle("the webhooks get the city's daily summary once");
    }
}
