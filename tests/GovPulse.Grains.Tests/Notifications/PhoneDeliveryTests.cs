using System.Text.Json;
using GovPulse.Grains.Tests.Fixtures;
using GovPulse.Grains.Tests.Notifications.Alerts;
using GovPulse.Indicators.Events;
using GovPulse.Indicators.Scoring;
using GovPulse.Notifications.Alerts;
using GovPulse.Notifications.Push;
using GovPulse.Notifications.Subscriptions;
using GovPulse.Notifications.Summaries;
using GovPulse.Notifications.Tests.Push;
using GovPulse.Notifications.Webhooks;
using GovPulse.Security;
using GovPulse.Storage;
using GovPulse.Storage.ClickHouse;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;

namespace GovPulse.Grains.Tests.Notifications;

/// <summary>
/// The "done when", across every part at once on a real cluster over the real engine: a
/// leader's browser subscription (a real P-256 key pair and auth secret) stored as the API stores it,
/// a published hour, and a commune falling a band — each reaching a push service on 127.0.0.1 through
/// the real summaries, alerts, person notifier and Web Push sender, as one encrypted message the
/// browser decrypts. Nothing here is a stand-in for GovPulse's own parts; only the push service is.
/// </summary>
public sealed class PhoneDeliveryTests : IAsyncLifetime, IDisposable
{
    private const string Commune = "26737"; // Phường Tân Định
    private const string Leader = "lanhdao-phone";

    // Monday 14 September 2026, 09:00 in Vietnam: a working day, outside the default quiet hours.
    private static readonly DateTimeOffset Nine = new(2026, 9, 14, 9, 0, 0, TimeSpan.FromHours(7));

    private readonly FakeTimeProvider _time = new(Nine.AddSeconds(20));
    private readonly RecordingAlertProbe _probe = new();
    private readonly BrowserSubscription _browser = new();
    private readonly Dictionary<string, int> _received = [];
    private PushServiceStandIn _pushService = null!;
    private InProcessTestCluster _cluster = null!;

    private IServiceProvider Silo => _cluster.Silos[0].ServiceProvider;

    public async Task InitializeAsync()
    {
        _pushService = await PushServiceStandIn.StartAsync();
        var vapid = VapidKeyPair.New(Nine);
        var database = "phone_" + Guid.NewGuid().ToString("N")[..12];
        var clock = new ScoringClock(_time);
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSiloHost((_, host) =>
        {
            host.Configuration["GovPulse:DataDirectory"] = UnitClusterFixture.DataDirectory;
            host.Configuration["GovPulse:ClickHouse:Database"] = database;
            host.Configuration["GovPulse:Push:VapidPublicKey"] = vapid.PublicKey;
            host.Configuration["GovPulse:Push:VapidPrivateKey"] = vapid.PrivateKey;
            host.Configuration["GovPulse:Push:Subject"] = "mailto:test@govpulse.example";
            host.Configuration["GovPulse:Push:AllowLoopbackEndpoints"] = "true";
            // As in the alerts' tests: four overdue test dossiers take a commune down a band.
            host.Configuration["GovPulse:Scoring:Average"] = "40";
            host.AddGovPulseStorage();
            host.Services.AddSingleton<IDataProtectionProvider>(new EphemeralDataProtectionProvider());
            host.Services.AddSingleton<IScorecardPublisher, FeedScorecardPublisher>();
            host.Services.AddSingleton(clock);
            host.Services.AddGovPulseDomain();
            host.Services.AddGovPulseSerialization();
            host.Services.AddSingleton<AlertEvaluationProbe>(_probe);
            host.AddGovPulsePush();
            host.AddGovPulseSummaries();
            host.AddGovPulseAlerts();
            host.AddGovPulseWebhooks();
        });
        builder.ConfigureClient(client => client.Services.AddGovPulseSerialization());
        _cluster = builder.Build();
        await _cluster.DeployAsync();

        var at = Nine.AddHours(-1);
        (await Silo.GetRequiredService<IUserStore>().AddAsync(new StoredUser(Leader, "Lãnh đạo", Roles.Leader, null, "not a hash", false, at, at)))
            .Should().BeTrue();
        await Silo.GetRequiredService<IPushSubscriptionStore>().AddAsync(new PushSubscriptionRecord(
            PushSubscriptionStore.IdOf(_pushService.Endpoint("phone")), Leader, _pushService.Endpoint("phone"), _browser.P256dh, _browser.Auth, null,
            DeliverySchedule.Hourly, QuietHours.Default, "vi", at));
    }

    public async Task DisposeAsync()
    {
        await _cluster.StopAllSilosAsync();
        await _cluster.DisposeAsync();
        await _pushService.DisposeAsync();
    }

    public void Dispose() => _browser.Dispose();

    [Fact]
    public async Task A_leader_s_phone_gets_one_decryptable_summary_for_the_hour_and_exactly_one_alert_when_a_commune_falls_a_band()
    {
        // The hour is published as the node's hourly job publishes it: its announcement starts the summaries.
        await _cluster.Client.GetHourlyPublisher(Nine).Publish();
        await _pushService.WaitForRequestsAsync(1, TimeSpan.FromSeconds(60));
        var summary = await Payload(_pushService.Requests[0]);
        summary.GetProperty("kind").GetString().Should().Be("hourly");
        summary.GetProperty("title").GetString().Should().Be("Bản tin hằng giờ 09:00 14/09/2026 · TP.HCM");
        summary.GetProperty("lang").GetString().Should().Be("vi");
        summary.GetProperty("url").GetString().Should().Be("/#/");
        _pushService.Requests[0].Header("Topic").Should().Be("hourly", "a newer summary replaces an unread one");
        _pushService.Requests[0].Header("TTL").Should().Be("3600");

        // Every commune the leader reads; the first band seen is what a fall is measured from.
        var rules = _cluster.Client.GetGrain<IAlertRulesGrain>(IAlertRulesGrain.Key);
        (await rules.TryAdd(new AlertRule(AlertRule.NewId(), Leader, AlertKind.BandDrop, null, null, Nine), 50)).Should().BeTrue();
        (await Receive(4)).Band.Should().Be("Trung bình");

        // Two and a half days on (Wednesday 21:00, before quiet hours) the four dossiers are overdue.
        var fallen = _probe.Next(Commune, s => s.EvaluatedAt >= Nine.AddDays(2.5));
        _time.Advance(TimeSpan.FromDays(2.5));
        (await fallen).Band.Should().Be("Yếu");
        await _pushService.WaitForRequestsAsync(2, TimeSpan.FromSeconds(60));
        var alert = await Payload(_pushService.Requests[1]);
        alert.GetProperty("kind").GetString().Should().Be("alertStarted");
        alert.GetProperty("title").GetString().Should().Be("Cảnh báo: Phường Tân Định giảm xếp loại");
        alert.GetProperty("body").GetString().Should().StartWith("Xếp loại giảm từ Trung bình xuống Yếu");
        alert.GetProperty("url").GetString().Should().Be("/#/units/26737");
        _pushService.Requests[1].Header("Urgency").Should().Be("high");

        // More changes while the commune stays fallen: judged (and sent, were there anything) without a second alert.
        (await Receive(1)).Band.Should().Be("Yếu");
        _pushService.Requests.Should().HaveCount(2, "one summary and exactly one alert");
    }

    /// <summary><paramref name="count"/> new dossiers at the commune now; the scorecard the alerts judged after them.</summary>
    private async Task<Scorecard> Receive(int count)
    {
        var from = _received.GetValueOrDefault(Commune);
        var position = _received[Commune] = from + count;
        var judged = _probe.Next(Commune, s => s.Version >= position);
        var now = _time.GetUtcNow();
        await _cluster.Client.GetGrain<IUnitGrain>(Commune).Apply([.. Enumerable.Range(from + 1, count).Select(i => Events.Received(Commune, $"phone-{i}", now))]);
        return await judged;
    }

    private async Task<JsonElement> Payload(PushServiceRequest request)
    {
        request.Header("Content-Encoding").Should().Be("aes128gcm");
        using var document = JsonDocument.Parse(await _browser.DecryptAsync(request.Body));
        return document.RootElement.Clone();
    }
}
