using GovPulse.Grains.Tests.Fixtures;
using GovPulse.Notifications.Notices;
using GovPulse.Notifications.Webhooks;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.TestingHost;

namespace GovPulse.Grains.Tests.Notifications.Webhooks;

/// <summary>
/// Two silos with the webhooks as the node registers them, http:// to loopback allowed, and retries
/// quick (20 ms doubling to 100 ms, 8 attempts), the periodic wake-up every second, so a test sees backoff and dead letters in well under a second.
/// Both silos share one Data Protection key ring (a directory), as nodes share theirs through ClickHouse.
/// </summary>
public sealed class WebhookClusterFixture : UnitClusterFixture
{
    public const int MaxAttempts = 8;

    private readonly string _keys = Path.Combine(DataDirectory, "webhook-keys-" + Guid.NewGuid().ToString("N")[..8]);

    public WebhookClusterFixture()
    {
        Settings["GovPulse:Webhooks:AllowLoopback"] = "true";
        Settings["GovPulse:Webhooks:FirstRetryDelay"] = "00:00:00.020";
        Settings["GovPulse:Webhooks:MaxRetryDelay"] = "00:00:00.100";
        Settings["GovPulse:Webhooks:MaxAttempts"] = MaxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture);
        // Long enough that a loaded CI machine never times out a request the receiver took: a timeout is an
        // honest retry (delivery is at least once), which would deliver a message twice in these tests.
        Settings["GovPulse:Webhooks:Timeout"] = "00:00:30";
        Settings["GovPulse:Webhooks:WakeInterval"] = "00:00:01";
    }

    private IServiceProvider Services => Cluster.Silos[0].ServiceProvider;

    public IWebhookOutbox Outbox => Services.GetRequiredService<IWebhookOutbox>();

    public WebhookStore Webhooks => Services.GetRequiredService<WebhookStore>();

    public WebhookDeliveryStore Deliveries => Services.GetRequiredService<WebhookDeliveryStore>();

    public IWebhookDeliveryGrain Grain(string webhookId) => Cluster.Client.GetGrain<IWebhookDeliveryGrain>(webhookId);

    /// <summary>Registers a webhook as the admin API does; returns its id and secret.</summary>
    public async Task<(string Id, string Secret)> RegisterAsync(Uri url, params string[] kinds)
    {
        var secret = WebhookSecrets.New();
        var now = DateTimeOffset.UtcNow;
        var id = "wh_" + Guid.NewGuid().ToString("N")[..16];
        var protectedSecret = Services.GetRequiredService<WebhookSecrets>().Protect(secret);
        await Webhooks.SaveAsync(new Webhook(id, url, kinds, "test", protectedSecret, now, null, false, now, 1));
        return (id, secret);
    }

    public static Notice NoticeOf(string id, NoticeKind kind = NoticeKind.AlertStarted) => new(
        id,
        kind,
        new NoticeText("Phường Tân Định xuống hạng", "Phường Tân Định dropped a band"),
        new NoticeText("Từ Tốt xuống Khá", "From Good to Fair"),
        "/#/units/26737",
        "alert-26737",
        NoticeUrgency.High,
        TimeSpan.FromHours(1),
        DateTimeOffset.UtcNow,
        "26737",
        "{\"unit\":\"26737\"}");

    protected override void ConfigureSilo(InProcessTestSiloSpecificOptions silo, IHostApplicationBuilder host)
    {
        host.Services.AddDataProtection().SetApplicationName("GovPulse").PersistKeysToFileSystem(new DirectoryInfo(_keys));
        host.AddGovPulseWebhooks();
    }
}
