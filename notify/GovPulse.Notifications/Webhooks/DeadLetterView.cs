using GovPulse.Indicators.Periods;

namespace GovPulse.Notifications.Webhooks;

/// <summary>A message a webhook never took: which, how often it was tried, the last problem (a status or network error), and when it was given up.</summary>
public sealed record DeadLetterView(
    string Id, string WebhookId, string NoticeId, string Kind, int Attempts, string LastError, DateTimeOffset EnqueuedAt, DateTimeOffset DeadAt)
{
    public static DeadLetterView Of(WebhookDelivery delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        return new(
            delivery.DeliveryId, delivery.WebhookId, delivery.NoticeId, delivery.Kind, delivery.Attempts, delivery.LastError,
            VietnamTime.ToLocal(delivery.EnqueuedAt), VietnamTime.ToLocal(delivery.ChangedAt));
    }
}
