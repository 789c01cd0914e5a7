using GovPulse.Notifications.Push;
using GovPulse.Notifications.Subscriptions;

namespace GovPulse.Notifications.Tests.Push;

public sealed class PushSubscriptionRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 2, 0, 0, TimeSpan.Zero);

    private static readonly BrowserSubscription Browser = new();

    private static PushSubscriptionRequest Request(string endpoint = "https://fcm.googleapis.com/fcm/send/abc:def", string? p256dh = null, string? auth = null) =>
        new(endpoint, null, new PushSubscriptionKeys(p256dh ?? Browser.P256dh, auth ?? Browser.Auth), null, null, null);

    [Fact]
    public void A_browsers_subscription_becomes_a_record_with_the_defaults()
    {
        var record = PushSubscriptionRules.Check(Request(), "lanhdao", allowLoopback: false, Now, out var error);

        error.Should().BeNull();
        record!.Username.Should().Be("lanhdao");
        record.Schedule.Should().Be(DeliverySchedule.Hourly);
        record.QuietHours.Should().Be(QuietHours.Default);
        record.Language.Should().Be("vi");
        record.Id.Should().Be(PushSubscriptionStore.IdOf("https://fcm.googleapis.com/fcm/send/abc:def")).And.StartWith("ps_").And.HaveLength(25);
    }

    [Fact]
    public void Choices_are_taken_and_the_same_endpoint_always_has_the_same_id()
    {
        var request = Request() with { Schedule = "daily", QuietHours = new QuietHoursRequest("21:30", "07:00"), Language = "en", ExpirationTime = 1_800_000_000_000 };

        var record = PushSubscriptionRules.Check(request, "lanhdao", false, Now, out _)!;
        var again = PushSubscriptionRules.Check(Request(), "someone.else", false, Now, out _)!;

        record.Schedule.Should().Be(DeliverySchedule.Daily);
        record.QuietHours.Should().Be(new QuietHours(new TimeOnly(21, 30), new TimeOnly(7, 0)));
        record.Language.Should().Be("en");
        record.ExpirationTime.Should().Be(DateTimeOffset.FromUnixTimeMilliseconds(1_800_000_000_000));
        again.Id.Should().Be(record.Id);
    }

    [Theory]
    [InlineData("http://push.example.com/x", "endpoint must be https://")]
    [InlineData("ftp://push.example.com/x", "endpoint must be https://")]
    [InlineData("not a url", "absolute https:// URL")]
    [InlineData("https://user:pw@push.example.com/x", "without user info")]
    [InlineData("http://127.0.0.1:9000/push/x", "AllowLoopbackEndpoints")]
    [InlineData("https://10.1.2.3/push", "public address")]
    [InlineData("https://192.168.1.1/push", "public address")]
    [InlineData("https://[::1]/push", "public address")]
    public void Endpoints_other_than_public_https_are_refused_with_the_reason(string endpoint, string reason)
    {
        PushSubscriptionRules.Check(Request(endpoint), "lanhdao", false, Now, out var error).Should().BeNull();
        error.Should().Contain(reason);
    }

    [Theory]
    [InlineData("http://127.0.0.1:9000/push/x")]
    [InlineData("http://localhost:9000/push/x")]
    [InlineData("http://[::1]:9000/push/x")]
    public void Loopback_http_is_accepted_only_when_the_node_allows_it(string endpoint)
    {
        PushSubscriptionRules.Check(Request(endpoint), "lanhdao", allowLoopback: true, Now, out var error).Should().NotBeNull(error);
        PushSubscriptionRules.Check(Request(endpoint), "lanhdao", allowLoopback: false, Now, out _).Should().BeNull();
    }

    [Fact]
    public void Keys_of_the_wrong_size_or_not_base64url_are_refused()
    {
        var compressed = "A" + Browser.P256dh[1..44];
        PushSubscriptionRules.Check(Request(p256dh: compressed), "lanhdao", false, Now, out var shortKey).Should().BeNull();
        PushSubscriptionRules.Check(Request(auth: "c2hvcnQ"), "lanhdao", false, Now, out var shortAuth).Should().BeNull();
        PushSubscriptionRules.Check(Request(p256dh: "!!!not base64!!!"), "lanhdao", false, Now, out var garbage).Should().BeNull();
        PushSubscriptionRules.Check(Request() with { Keys = null }, "lanhdao", false, Now, out var none).Should().BeNull();

        shortKey.Should().Contain("keys.p256dh").And.Contain("65-byte");
        shortAuth.Should().Contain("keys.auth").And.Contain("16-byte");
        garbage.Should().Contain("keys.p256dh");
        none.Should().Contain("keys.p256dh");
    }

    [Fact]
    public void Unknown_schedules_languages_and_quiet_hours_say_what_is_expected()
    {
        PushSubscriptionRules.Check(Request() with { Schedule = "weekly" }, "u", false, Now, out var schedule).Should().BeNull();
        PushSubscriptionRules.Check(Request() with { Language = "fr" }, "u", false, Now, out var language).Should().BeNull();
        PushSubscriptionRules.Check(Request() with { QuietHours = new QuietHoursRequest("10pm", "06:30") }, "u", false, Now, out var quiet).Should().BeNull();
        PushSubscriptionRules.Check(null, "u", false, Now, out var missing).Should().BeNull();

        schedule.Should().Contain("\"hourly\", \"daily\" or \"alerts\"");
        language.Should().Contain("\"vi\" or \"en\"");
        quiet.Should().Contain("quietHours.from");
        missing.Should().Contain("PushSubscription.toJSON()");
    }

    [Fact]
    public void The_endpoint_is_shown_only_as_its_origin()
    {
        PushEndpoint.Shortened("https://fcm.googleapis.com/fcm/send/secret-token").Should().Be("https://fcm.googleapis.com…");
        PushEndpoint.Origin("https://updates.push.services.mozilla.com:443/wpush/v2/gAAA").Should().Be("https://updates.push.services.mozilla.com");
    }
}
