using GovPulse.Notifications.Notices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GovPulse.Notifications.Webhooks;

/// <summary>
/// <see cref="IWebhookOutbox"/>: one outbox row per active webhook that takes the notice's kind,
/// stored before it returns (none added for a webhook × notice already stored, so enqueuing a notice
/// twice delivers it once), then each webhook's delivery grain is woken to send it.
/// </summary>
public sealed partial class WebhookOutbox(
    WebhookStore webhooks,
    WebhookDeliveryStore deliveries,
    IGrainFactory grains,
    IOptions<WebhookOptions> options,
    TimeProvider time,
    ILogger<WebhookOutbox> logger) : IWebhookOutbox
{
    public async Task EnqueueAsync(Notice notice, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var targets = (await webhooks.ListAsync(cancellationToken)).Where(w => w.IsActive && w.Takes(notice.Kind)).ToList();
        if (targets.Count == 0)
        {
            return;
        }

        var body = WebhookMessage.Body(notice, options.Value.PublicBaseUrl);
        var kind = WebhookKinds.Name(notice.Kind);
        var now = time.GetUtcNow();
        await deliveries.AddMissingAsync([.. targets.Select(w => WebhookDelivery.Enqueued(w.Id, notice.Id, kind, body, now))], cancellationToken);
        foreach (var webhook in targets)
        {
            try
            {
                await grains.GetGrain<IWebhookDeliveryGrain>(webhook.Id).WakeAsync();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Stored is enough: the periodic wake-up (WebhookWakeup) starts the drain.
                LogWakeFailed(webhook.Id, ex.GetType().Name);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook {WebhookId}: a message is in its outbox but its delivery grain could not be woken ({Error}); the periodic wake-up will send it")]
    private partial void LogWakeFailed(string webhookId, string error);
}
