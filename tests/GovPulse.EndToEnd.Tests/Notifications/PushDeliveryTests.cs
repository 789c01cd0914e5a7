using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using GovPulse.EndToEnd.Tests.Fixtures;
using GovPulse.Notifications.Tests.Push;

namespace GovPulse.EndToEnd.Tests.Notifications;

/// <summary>
/// Web Push through the real node: a person subscribes a browser (its keys made here, as a browser
/// makes them), asks for a test notification, and the push service stand-in on 127.0.0.1 receives
/// what a real push service would — checked as one would check it (VAPID JWT, aes128gcm body
/// decrypted with the browser's private key and auth secret, TTL, Urgency, Topic).
/// </summary>
public sealed class PushDeliveryTests(PushNodeFixture fixture) : IClassFixture<PushNodeFixture>, IAsyncLifetime
{
    private static readonly Uri PublicKey = new("/api/v1/push/public-key", UriKind.Relative);
    private static readonly Uri Subscriptions = new("/api/v1/push/subscriptions", UriKind.Relative);
    private static readonly Uri Test = new("/api/v1/push/test", UriKind.Relative);

    private PushServiceStandIn _service = null!;

    public async Task InitializeAsync() => _service = await PushServiceStandIn.StartAsync();

    public async Task DisposeAsync() => await _service.DisposeAsync();

    [Fact]
    public async Task A_subscribed_browser_gets_a_test_notice_signed_for_its_push_service_that_only_it_can_read()
    {
        using var leader = await fixture.NewPersonAsync();
        using var browser = new BrowserSubscription();
        var publicKey = (await leader.Client.GetFromJsonAsync<JsonElement>(PublicKey)).GetProperty("publicKey").GetString();
        var endpoint = _service.Endpoint("phone-" + Guid.NewGuid().ToString("N"));

        using var subscribed = await SubscribeAsync(leader, endpoint, browser, new { schedule = "daily", quietHours = new { from = "21:00", to = "07:00" }, language = "vi" });
        var created = await subscribed.Content.ReadFromJsonAsync<JsonElement>();
        using var tested = await leader.SendAsync(HttpMethod.Post, Test);
        var answer = await tested.Content.ReadFromJsonAsync<JsonElement>();

        subscribed.StatusCode.Should().Be(HttpStatusCode.Created);
        tested.StatusCode.Should().Be(HttpStatusCode.OK);
        (answer.GetProperty("sent").GetInt32(), answer.GetProperty("removed").GetInt32(), answer.GetProperty("failed").GetInt32()).Should().Be((1, 0, 0));
        var request = _service.Requests.Single();
        var token = VapidToken.Parse(request.Header("Authorization"));
        token.SignatureVerifies.Should().BeTrue("the JWT is signed (ES256) with the private half of the key browsers subscribe with");
        token.Algorithm.Should().Be("ES256");
        token.PublicKey.Should().Be(publicKey);
        token.Audience.Should().Be(_service.BaseAddress.GetLeftPart(UriPartial.Authority));
        token.Subject.Should().Be(PushNodeFixture.Subject);
        token.Expires.Should().BeAfter(DateTimeOffset.UtcNow).And.BeOnOrBefore(DateTimeOffset.UtcNow.AddHours(24));
        request.Header("Content-Encoding").Should().Be("aes128gcm");
        request.Header("TTL").Should().Be("3600");
        (request.Header("Urgency") ?? "normal").Should().Be("normal", "RFC 8030 §5.3: no Urgency header means normal");
        request.Header("Topic").Should().Be("test");
        var payload = JsonDocument.Parse(await browser.DecryptAsync(request.Body)).RootElement;
        payload.GetProperty("kind").GetString().Should().Be("test");
        payload.GetProperty("title").GetString().Should().Be("GovPulse: thông báo thử");
        payload.GetProperty("lang").GetString().Should().Be("vi");
        payload.GetProperty("tag").GetString().Should().Be("test");
        payload.GetProperty("url").GetString().Should().Be("/#/");
        Encoding.UTF8.GetString(request.Body).Should().NotContain("GovPulse", "the body is encrypted");

        var listed = await leader.Client.GetStringAsync(Subscriptions);
        var item = JsonDocument.Parse(listed).RootElement.EnumerateArray().Single();
        item.GetProperty("id").GetString().Should().Be(created.GetProperty("id").GetString());
        item.GetProperty("endpoint").GetString().Should().Be(_service.BaseAddress.GetLeftPart(UriPartial.Authority) + "…");
        item.GetProperty("schedule").GetString().Should().Be("daily");
        item.GetProperty("quietHours").GetProperty("from").GetString().Should().Be("21:00");
        item.GetProperty("language").GetString().Should().Be("vi");
        listed.Should().NotContain(browser.P256dh).And.NotContain(browser.Auth).And.NotContain("/push/phone-", "the endpoint URL is a capability");
    }

    [Fact]
    public async Task A_subscription_its_push_service_calls_gone_is_removed_and_one_told_to_wait_is_tried_again_after_Retry_After()
    {
        using var leader = await fixture.NewPersonAsync();
        using var phone = new BrowserSubscription();
        using var desktop = new BrowserSubscription();
        var gone = "gone-" + Guid.NewGuid().ToString("N");
        var busy = "busy-" + Guid.NewGuid().ToString("N");
        _service.Answer(gone, (410, null));
        _service.Answer(busy, (429, "1"));
        (await SubscribeAsync(leader, _service.Endpoint(gone), phone)).StatusCode.Should().Be(HttpStatusCode.Created);
        (await SubscribeAsync(leader, _service.Endpoint(busy), desktop)).StatusCode.Should().Be(HttpStatusCode.Created);

        using var tested = await leader.SendAsync(HttpMethod.Post, Test);
        var answer = await tested.Content.ReadFromJsonAsync<JsonElement>();

        (answer.GetProperty("sent").GetInt32(), answer.GetProperty("removed").GetInt32(), answer.GetProperty("failed").GetInt32()).Should().Be((1, 1, 0));
        var toBusy = _service.Requests.Where(r => r.Name == busy).ToList();
        toBusy.Select(r => r.Answered).Should().Equal(429, 201);
        (toBusy[1].ReceivedAt - toBusy[0].ReceivedAt).Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(0.95), "Retry-After: 1 is honoured");
        JsonDocument.Parse(await desktop.DecryptAsync(toBusy[1].Body)).RootElement.GetProperty("kind").GetString().Should().Be("test");
        _service.Requests.Where(r => r.Name == gone).Should().ContainSingle("a gone subscription is not asked again");
        var left = await leader.Client.GetFromJsonAsync<JsonElement>(Subscriptions);
        left.EnumerateArray().Should().ContainSingle().Which.GetProperty("endpoint").GetString().Should().StartWith("http://127.0.0.1:");
    }

    [Fact]
    public async Task Subscriptions_are_checked_capped_and_each_persons_own()
    {
        using var leader = await fixture.NewPersonAsync();
        using var head = await fixture.NewPersonAsync("departmentHead", "26737");
        using var browser = new BrowserSubscription();
        var endpoint = _service.Endpoint("own-" + Guid.NewGuid().ToString("N"));

        using var plainHttp = await SubscribeAsync(leader, "http://push.example.com/x", browser);
        using var badKey = await leader.SendAsync(HttpMethod.Post, Subscriptions, JsonContent.Create(new { endpoint, keys = new { p256dh = "AAAA", auth = browser.Auth } }));
        using var huge = await leader.SendAsync(HttpMethod.Post, Subscriptions, new StringContent(
            JsonSerializer.Serialize(new { endpoint, keys = new { p256dh = browser.P256dh, auth = browser.Auth }, padding = new string('x', 20_000) }), Encoding.UTF8, "application/json"));
        using var first = await SubscribeAsync(leader, endpoint, browser);
        using var again = await SubscribeAsync(leader, endpoint, browser, new { schedule = "alerts" });
        var id = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var mine = await leader.Client.GetFromJsonAsync<JsonElement>(Subscriptions);
        using var notTheirs = await head.SendAsync(HttpMethod.Delete, new Uri($"/api/v1/push/subscriptions/{id}", UriKind.Relative));
        var headsOwn = await head.Client.GetFromJsonAsync<JsonElement>(Subscriptions);

        plainHttp.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await plainHttp.Content.ReadAsStringAsync()).Should().Contain("endpoint must be https://");
        badKey.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await badKey.Content.ReadAsStringAsync()).Should().Contain("keys.p256dh");
        huge.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        first.StatusCode.Should().Be(HttpStatusCode.Created);
        again.StatusCode.Should().Be(HttpStatusCode.Created);
        (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString().Should().Be(id, "the same browser subscribing again replaces its subscription");
        mine.EnumerateArray().Should().ContainSingle().Which.GetProperty("schedule").GetString().Should().Be("alerts");
        notTheirs.StatusCode.Should().Be(HttpStatusCode.NotFound);
        headsOwn.GetArrayLength().Should().Be(0);

        for (var i = 1; i < PushNodeFixture.MaxSubscriptions; i++)
        {
            using var device = new BrowserSubscription();
            (await SubscribeAsync(leader, _service.Endpoint($"device-{i}-{Guid.NewGuid():N}"), device)).StatusCode.Should().Be(HttpStatusCode.Created);
        }

        using var oneTooMany = await SubscribeAsync(leader, _service.Endpoint("one-too-many-" + Guid.NewGuid().ToString("N")), browser);
        using var replacing = await SubscribeAsync(leader, endpoint, browser);
        using var removed = await leader.SendAsync(HttpMethod.Delete, new Uri($"/api/v1/push/subscriptions/{id}", UriKind.Relative));
        using var removedAgain = await leader.SendAsync(HttpMethod.Delete, new Uri($"/api/v1/push/subscriptions/{id}", UriKind.Relative));

        oneTooMany.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await oneTooMany.Content.ReadAsStringAsync()).Should().Contain($"the most one person may have ({PushNodeFixture.MaxSubscriptions})");
        replacing.StatusCode.Should().Be(HttpStatusCode.Created, "replacing one's own subscription is not one more");
        removed.StatusCode.Should().Be(HttpStatusCode.NoContent);
        removedAgain.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await leader.Client.GetFromJsonAsync<JsonElement>(Subscriptions)).GetArrayLength().Should().Be(PushNodeFixture.MaxSubscriptions - 1);
    }

    private static Task<HttpResponseMessage> SubscribeAsync(PersonSession person, string endpoint, BrowserSubscription browser, object? choices = null)
    {
        var body = new Dictionary<string, object?>
        {
            ["endpoint"] = endpoint,
            ["expirationTime"] = null,
            ["keys"] = new { p256dh = browser.P256dh, auth = browser.Auth },
        };
        if (choices is not null)
        {
            foreach (var property in JsonSerializer.SerializeToElement(choices).EnumerateObject())
            {
                body[property.Name] = property.Value;
            }
        }

        return person.SendAsync(HttpMethod.Post, Subscriptions, JsonContent.Create(body));
    }
}
