using GovPulse.Notifications.Notices;
using GovPulse.Notifications.Subscriptions;

namespace GovPulse.Notifications.Push;

/// <summary>
/// Sends one notice to one subscription through its push service (VAPID, aes128gcm, TTL, urgency,
/// topic), retrying 429 and 5xx with backoff that honours <c>Retry-After</c>; removes the
/// subscription when the service answers 404 or 410.
/// </summary>
public interface IPushSender
{
    Task<PushOutcome> SendAsync(PushSubscriptionRecord subscription, Notice notice, CancellationToken cancellationToken = default);
}
