using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using GovPulse.Notifications.Notices;
using GovPulse.Notifications.Webhooks;

namespace GovPulse.Grains.Tests.Notifications.Webhooks;

/// <summary>
/// Webhook delivery through the real grains, the real ClickHouse outbox and real HTTP to a Kestrel
/// receiver on 127.0.0.1: signed messages, once each, in order, through a receiver's outage; dead
/// letters when the retries run out, and a replay that delivers.
/// </summary>
public sealed class WebhookDeliveryTests(WebhookClusterFixture fixture) : IClassFixture<WebhookClusterFixture>, IAsyncLifetime
{
    private WebhookReceiver _receiver = null!;

    public async Task InitializeAsync() => _receiver = await WebhookReceiver.StartAsync();

    public async Task DisposeAsync() => await _receiver.DisposeAsync();

    [Fact]
    public async Task The_receiver_can_verify_the_signature_over_timestamp_and_body_with_the_secret_it_was_shown()
    {
        var (id, secret) = await fixture.RegisterAsync(_receiver.UrlOf("signed"));
        var notice = WebhookClusterFixture.NoticeOf("signed/" + Guid.NewGuid().ToString("N"));

        await fixture.Outbox.EnqueueAsync(notice);
        var got = (await _receiver.WaitUntilAsync(r => r.Any(x => x.Name == "signed"))).Single(x => x.Name == "signed");

        Verifies(secret, got).Should().BeTrue("the receiver checks v1=hex(HMAC-SHA-256(secret, timestamp + \".\" + body))");
        Verifies("whsec_" + new string('0', 64), got).Should().BeFalse("another secret must not verify");
        long.Parse(got.Timestamp, CultureInfo.InvariantCulture).Should().BeCloseTo(DateTimeOffset.UtcNow.ToUnixTimeSeconds(), 300);
        got.DeliveryId.Should().Be(WebhookDelivery.IdOf(id, notice.Id));
        got.ContentType.Should().StartWith("application/json");
        got.NoticeId.Should().Be(notice.Id);
        got.Body.Should().Contain("\"kind\":\"alertStarted\"").And.Contain("Phường Tân Định xuống hạng").And.Contain("\"data\":{\"unit\":\"26737\"}");
    }

    [Fact]
    public async Task A_notice_enqueued_twice_is_delivered_once_and_a_webhook_gets_only_the_kinds_it_took()
    {
        await fixture.RegisterAsync(_receiver.UrlOf("twice"), "alertStarted");
        var first = WebhookClusterFixture.NoticeOf("twice/1/" + Guid.NewGuid().ToString("N"));
        var hourly = WebhookClusterFixture.NoticeOf("twice/hourly/" + Guid.NewGuid().ToString("N"), NoticeKind.Hourly);
        var last = WebhookClusterFixture.NoticeOf("twice/2/" + Guid.NewGuid().ToString("N"));

        await fixture.Outbox.EnqueueAsync(first);
        await fixture.Outbox.EnqueueAsync(first);
        await fixture.Outbox.EnqueueAsync(hourly);
        await fixture.Outbox.EnqueueAsync(first);
        await fixture.Outbox.EnqueueAsync(last);
        // Delivered in order: once the last is in, a repeat of the first would have come before it.
        var got = await _receiver.WaitUntilAsync(r => r.Any(x => x.Name == "twice" && x.NoticeId == last.Id));

        got.Where(x => x.Name == "twice").Select(x => x.NoticeId).Should().Equal(first.Id, last.Id);
    }

    [Fact]
    public async Task A_receiver_answering_503_for_a_while_gets_every_message_once_in_order_when_it_is_back()
    {
        _receiver.Answer("flaky", n => n <= 3 ? 503 : 200);
        await fixture.RegisterAsync(_receiver.UrlOf("flaky"));
        var notices = Enumerable.Range(1, 5).Select(i => WebhookClusterFixture.NoticeOf($"flaky/{i}/{Guid.NewGuid():N}")).ToList();

        foreach (var notice in notices)
        {
            await fixture.Outbox.EnqueueAsync(notice);
        }

        var got = await _receiver.WaitUntilAsync(r => r.Count(x => x.Name == "flaky" && x.Accepted) == notices.Count);

        var flaky = got.Where(x => x.Name == "flaky").ToList();
        flaky.Take(3).Should().OnlyContain(x => x.Status == 503 && x.NoticeId == notices[0].Id, "the oldest message is retried while the receiver is down");
        flaky.Where(x => x.Accepted).Select(x => x.NoticeId).Should().Equal(notices.Select(n => n.Id));
        flaky.Select(x => x.DeliveryId).Take(4).Distinct().Should().ContainSingle("every attempt of one message carries the same delivery id");
    }

    [Fact]
    public async Task A_receiver_that_refuses_connections_for_a_while_gets_every_message_once_after_it_comes_back()
    {
        await using var down = await WebhookReceiver.StartAsync(start: false);
        var (id, _) = await fixture.RegisterAsync(down.UrlOf("down"));
        var notices = Enumerable.Range(1, 3).Select(i => WebhookClusterFixture.NoticeOf($"down/{i}/{Guid.NewGuid():N}")).ToList();
        foreach (var notice in notices)
        {
            await fixture.Outbox.EnqueueAsync(notice);
        }

        await PollAsync(async () => (await fixture.Deliveries.PendingAsync(id, 10)).FirstOrDefault() is { Attempts: >= 2 });
        await down.StartAgainAsync();
        var got = await down.WaitUntilAsync(r => r.Count(x => x.Accepted) == notices.Count);

        got.Select(x => x.NoticeId).Should().Equal(notices.Select(n => n.Id));
        await PollAsync(async () => (await fixture.Deliveries.PendingAsync(id, 10)).Count == 0);
        (await fixture.Deliveries.DeadAsync(id, 10)).Should().BeEmpty();
    }

    [Fact]
    public async Task When_the_retries_run_out_the_message_is_a_dead_letter_the_next_goes_on_and_a_replay_delivers_it()
    {
        var failing = true;
        _receiver.Answer("dead", _ => Volatile.Read(ref failing) ? 500 : 200);
        var (id, _) = await fixture.RegisterAsync(_receiver.UrlOf("dead"));
        var lost = WebhookClusterFixture.NoticeOf("dead/1/" + Guid.NewGuid().ToString("N"));

        await fixture.Outbox.EnqueueAsync(lost);
        await PollAsync(async () => (await fixture.Deliveries.DeadAsync(id, 10)).Count == 1);
        var dead = (await fixture.Deliveries.DeadAsync(id, 10)).Single();
        Volatile.Write(ref failing, false);
        var next = WebhookClusterFixture.NoticeOf("dead/2/" + Guid.NewGuid().ToString("N"));
        await fixture.Outbox.EnqueueAsync(next);
        await _receiver.WaitUntilAsync(r => r.Any(x => x.Name == "dead" && x.Accepted && x.NoticeId == next.Id));
        var replayed = await fixture.Grain(id).ReplayAsync(lost.Id);
        var got = await _receiver.WaitUntilAsync(r => r.Any(x => x.Name == "dead" && x.Accepted && x.NoticeId == lost.Id));

        dead.NoticeId.Should().Be(lost.Id);
        dead.Attempts.Should().Be(WebhookClusterFixture.MaxAttempts);
        dead.LastError.Should().StartWith("500");
        got.Count(x => x.Name == "dead" && x.NoticeId == lost.Id && !x.Accepted).Should().Be(WebhookClusterFixture.MaxAttempts);
        replayed.Should().BeTrue();
        (await fixture.Grain(id).ReplayAsync(lost.Id)).Should().BeFalse("it is no longer a dead letter");
        await PollAsync(async () => (await fixture.Deliveries.DeadAsync(id, 10)).Count == 0);
    }

    [Fact]
    public async Task A_receiver_answering_410_disables_its_webhook_and_what_it_did_not_take_becomes_dead_letters()
    {
        _receiver.Answer("gone", _ => 410);
        var (id, _) = await fixture.RegisterAsync(_receiver.UrlOf("gone"));

        await fixture.Outbox.EnqueueAsync(WebhookClusterFixture.NoticeOf("gone/1/" + Guid.NewGuid().ToString("N")));
        await PollAsync(async () => (await fixture.Webhooks.FindAsync(id))!.DisabledReason is not null && (await fixture.Deliveries.DeadAsync(id, 10)).Count == 1);
        await fixture.Outbox.EnqueueAsync(WebhookClusterFixture.NoticeOf("gone/2/" + Guid.NewGuid().ToString("N")));

        (await fixture.Deliveries.DeadAsync(id, 10)).Should().ContainSingle().Which.LastError.Should().Contain("410");
        (await fixture.Deliveries.PendingAsync(id, 10)).Should().BeEmpty("a disabled webhook gets nothing new");
        _receiver.Received.Count(x => x.Name == "gone").Should().Be(1);
    }

    [Fact]
    public async Task An_outbox_nobody_woke_for_as_if_its_node_died_is_drained_by_the_periodic_wake_up()
    {
        var (id, _) = await fixture.RegisterAsync(_receiver.UrlOf("orphan"));
        var notice = WebhookClusterFixture.NoticeOf("orphan/" + Guid.NewGuid().ToString("N"));

        // Stored the way EnqueueAsync stores it, but no grain is told: only WebhookWakeup can find it.
        await fixture.Deliveries.AddMissingAsync([WebhookDelivery.Enqueued(id, notice.Id, "alertStarted", WebhookMessage.Body(notice, null), DateTimeOffset.UtcNow)]);
        var got = await _receiver.WaitUntilAsync(r => r.Any(x => x.Name == "orphan"));

        got.Single(x => x.Name == "orphan").NoticeId.Should().Be(notice.Id);
    }

    /// <summary>What a receiver does: the HMAC of "timestamp.body" with the secret, compared in constant time.</summary>
    private static bool Verifies(string secret, ReceivedWebhook got)
    {
        var expected = "v1=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(got.Timestamp + "." + got.Body)));
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(got.Signature));
    }

    /// <summary>Bounded polling of the outbox (the grain works on its own timers): up to 30 s.</summary>
    private static async Task PollAsync(Func<Task<bool>> done)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (!await done())
        {
            DateTimeOffset.UtcNow.Should().BeBefore(deadline, "the outbox should have got there within 30 s");
            await Task.Delay(25);
        }
    }
}
