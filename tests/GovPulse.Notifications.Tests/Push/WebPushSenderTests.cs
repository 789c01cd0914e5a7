using System.Text.Json;
using GovPulse.Notifications.Notices;
using GovPulse.Notifications.Push;
using GovPulse.Notifications.Subscriptions;
using GovPulse.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace GovPulse.Notifications.Tests.Push;

/// <summary>
/// The sender against a push service stand-in on 127.0.0.1: what goes on the wire (VAPID JWT,
/// aes128gcm body a browser decrypts, TTL, urgency, topic) and what it does with each answer. The
/// waits between retries run on a <see cref="FakeTimeProvider"/>.
/// </summary>
public sealed class WebPushSenderTests : IAsyncLifetime
{
    private const string Subject = "mailto:ops@govpulse.example";

    private static readonly Notice Alert = new(
        "alert/r1/26737/started",
        NoticeKind.AlertStarted,
        new NoticeText("Phường Tân Định tụt hạng", "Tan Dinh Ward dropped a band"),
        new NoticeText("Tỷ lệ đúng hạn 71,5 %", "On-time ratio 71.5 %"),
        "/#/units/26737",
        "alert-r1-26737",
        NoticeUrgency.High,
        TimeSpan.FromHours(6),
        new DateTimeOffset(2026, 12, 6, 9, 5, 0, TimeSpan.FromHours(7)),
        "26737");

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 6, 2, 0, 0, TimeSpan.Zero));
    private readonly RemovalRecordingStore _store = new();
    private readonly VapidKeyPair _keys = VapidKeyPair.New(DateTimeOffset.UtcNow);
    private ServiceProvider _services = null!;
    private PushServiceStandIn _service = null!;

    public async Task InitializeAsync()
    {
        _service = await PushServiceStandIn.StartAsync(() => _time.GetUtcNow());
        // The node's own wiring of the sender (keys, HTTP client and its handler), with this test's clock and store.
        var services = new ServiceCollection()
            .AddLogging()
            .AddMetrics()
            .AddSingleton<TimeProvider>(_time)
            .AddSingleton<IPushSubscriptionStore>(_store)
            .AddSingleton<IDataProtectionProvider>(new EphemeralDataProtectionProvider())
            .Configure<StorageOptions>(_ => { })
            .Configure<PushOptions>(o =>
            {
                o.VapidPublicKey = _keys.PublicKey;
                o.VapidPrivateKey = _keys.PrivateKey;
                o.Subject = Subject;
            });
        _services = services.AddPushDelivery().BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _service.DisposeAsync();
        await _services.DisposeAsync();
    }

    [Fact]
    public async Task A_message_carries_a_verifiable_VAPID_token_and_a_body_only_the_browser_decrypts_with_TTL_urgency_and_topic()
    {
        using var browser = new BrowserSubscription();
        var sender = Sender();

        var outcome = await sender.SendAsync(Subscription(browser, "phone", "vi"), Alert);

        outcome.Should().Be(PushOutcome.Sent);
        var request = _service.Requests.Single();
        var token = VapidToken.Parse(request.Header("Authorization"));
        token.SignatureVerifies.Should().BeTrue();
        token.Algorithm.Should().Be("ES256");
        token.PublicKey.Should().Be(_keys.PublicKey);
        token.Audience.Should().Be(_service.BaseAddress.GetLeftPart(UriPartial.Authority));
        token.Subject.Should().Be(Subject);
        token.Expires.Should().BeAfter(DateTimeOffset.UtcNow).And.BeOnOrBefore(DateTimeOffset.UtcNow.AddHours(24));
        request.Header("Content-Encoding").Should().Be("aes128gcm");
        request.Header("TTL").Should().Be("21600");
        request.Header("Urgency").Should().Be("high");
        request.Header("Topic").Should().Be("alert-r1-26737");
        var payload = JsonDocument.Parse(await browser.DecryptAsync(request.Body)).RootElement;
        payload.GetProperty("title").GetString().Should().Be("Phường Tân Định tụt hạng");
        payload.GetProperty("kind").GetString().Should().Be("alertStarted");
        payload.GetProperty("tag").GetString().Should().Be("alert-r1-26737");
        payload.GetProperty("url").GetString().Should().Be("/#/units/26737");
        payload.GetProperty("unit").GetString().Should().Be("26737");
        payload.GetProperty("lang").GetString().Should().Be("vi");
    }

    [Fact]
    public async Task Another_browser_cannot_decrypt_the_message()
    {
        using var browser = new BrowserSubscription();
        using var stranger = new BrowserSubscription();

        (await Sender().SendAsync(Subscription(browser, "phone", "en"), Alert)).Should().Be(PushOutcome.Sent);

        var decrypting = () => stranger.DecryptAsync(_service.Requests.Single().Body);
        await decrypting.Should().ThrowAsync<Exception>();
        JsonDocument.Parse(await browser.DecryptAsync(_service.Requests.Single().Body)).RootElement.GetProperty("title").GetString()
            .Should().Be("Tan Dinh Ward dropped a band");
    }

    [Theory]
    [InlineData(410)]
    [InlineData(404)]
    public async Task A_subscription_the_push_service_says_is_gone_is_removed(int status)
    {
        using var browser = new BrowserSubscription();
        _service.Answer("gone", (status, null));
        var subscription = Subscription(browser, "gone", "vi");

        var outcome = await Sender().SendAsync(subscription, Alert);

        outcome.Should().Be(PushOutcome.Removed);
        _store.Removed.Should().Equal(subscription.Id);
        _service.Requests.Should().ContainSingle();
    }

    [Fact]
    public async Task Too_many_requests_is_retried_after_the_Retry_After_it_gives_and_then_delivered()
    {
        using var browser = new BrowserSubscription();
        _service.Answer("busy", (429, "7"));

        var sending = Sender().SendAsync(Subscription(browser, "busy", "vi"), Alert);
        await AdvanceUntilAsync(sending, requests: 2);

        (await sending).Should().Be(PushOutcome.Sent);
        var requests = _service.Requests;
        requests.Select(r => r.Answered).Should().Equal(429, 201);
        (requests[1].ReceivedAt - requests[0].ReceivedAt).Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(7));
        _store.Removed.Should().BeEmpty();
    }

    [Fact]
    public async Task Server_errors_are_retried_with_growing_waits_a_bounded_number_of_times_then_fail()
    {
        using var browser = new BrowserSubscription();
        _service.Answer("down", (503, null), (500, null), (502, null), (503, null), (503, null));

        var sending = Sender().SendAsync(Subscription(browser, "down", "vi"), Alert);
        await AdvanceUntilAsync(sending, requests: 4);

        (await sending).Should().Be(PushOutcome.Failed);
        var requests = _service.Requests;
        requests.Should().HaveCount(4, "MaxAttempts is 4");
        var waits = requests.Zip(requests.Skip(1), (a, b) => b.ReceivedAt - a.ReceivedAt).ToList();
        waits[0].Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(1));
        waits[1].Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(2));
        waits[2].Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(4));
    }

    [Fact]
    public async Task A_refusal_that_is_not_about_load_fails_at_once_and_a_Retry_After_beyond_the_cap_is_not_waited_for()
    {
        using var browser = new BrowserSubscription();
        _service.Answer("bad", (400, null));
        _service.Answer("later", (429, "3600"));

        var bad = await Sender().SendAsync(Subscription(browser, "bad", "vi"), Alert);
        var later = await Sender().SendAsync(Subscription(browser, "later", "vi"), Alert);

        bad.Should().Be(PushOutcome.Failed);
        later.Should().Be(PushOutcome.Failed);
        _service.Requests.Should().HaveCount(2);
        _store.Removed.Should().BeEmpty();
    }

    private IPushSender Sender() => _services.GetRequiredService<IPushSender>();

    private PushSubscriptionRecord Subscription(BrowserSubscription browser, string name, string language)
    {
        var endpoint = _service.Endpoint(name);
        return new PushSubscriptionRecord(
            PushSubscriptionStore.IdOf(endpoint), "lanhdao", endpoint, browser.P256dh, browser.Auth, null, DeliverySchedule.Hourly, QuietHours.Default, language, _time.GetUtcNow());
    }

    /// <summary>
    /// Moves the fake clock on a second at a time until the stand-in has seen <paramref name="requests"/>
    /// requests or the send is over: the sender sets its wait only after the answer reaches it, so the
    /// clock cannot be moved once by the whole wait (bounded by a real-time deadline).
    /// </summary>
    private async Task AdvanceUntilAsync(Task sending, int requests)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (_service.Requests.Count < requests && !sending.IsCompleted)
        {
            DateTime.UtcNow.Should().BeBefore(deadline, "the sender should have asked again");
            var next = _service.WaitForRequestsAsync(_service.Requests.Count + 1, TimeSpan.FromMilliseconds(50));
            try
            {
                await next;
            }
            catch (OperationCanceledException)
            {
                _time.Advance(TimeSpan.FromSeconds(1));
            }
        }
    }
}
