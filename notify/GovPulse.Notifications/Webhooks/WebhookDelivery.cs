using System.Security.Cryptography;
using System.Text;

namespace GovPulse.Notifications.Webhooks;

/// <summary>One notice for one webhook (table <c>webhook_deliveries</c>, migration 0023): in the outbox, delivered, or a dead letter.</summary>
/// <param name="DeliveryId">Sent as <c>X-GovPulse-Delivery</c>, the same on every attempt and replay, so a receiver can drop a repeat; also the dead letter's id.</param>
/// <param name="Body">The JSON POSTed, as stored at enqueue.</param>
/// <param name="DueFrom">When the current round of attempts began (enqueued or replayed).</param>
/// <param name="Version">Counts the row's changes: 0 when enqueued.</param>
public sealed record WebhookDelivery(
    string WebhookId,
    string NoticeId,
    string DeliveryId,
    string Kind,
    string Body,
    WebhookDeliveryStatus Status,
    int Attempts,
    string LastError,
    DateTimeOffset EnqueuedAt,
    DateTimeOffset DueFrom,
    DateTimeOffset ChangedAt,
    uint Version)
{
    public static WebhookDelivery Enqueued(string webhookId, string noticeId, string kind, string body, DateTimeOffset now) =>
        new(webhookId, noticeId, IdOf(webhookId, noticeId), kind, body, WebhookDeliveryStatus.Pending, 0, string.Empty, now, now, now, 0);

    /// <summary>The same for a webhook × notice on every node, so two nodes enqueuing one notice write one row.</summary>
    public static string IdOf(string webhookId, string noticeId) =>
        "d_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(webhookId + "\n" + noticeId)))[..24];

    public WebhookDelivery Next(WebhookDeliveryStatus status, int attempts, string lastError, DateTimeOffset now) =>
        this with { Status = status, Attempts = attempts, LastError = lastError, ChangedAt = now, Version = Version + 1 };
}
