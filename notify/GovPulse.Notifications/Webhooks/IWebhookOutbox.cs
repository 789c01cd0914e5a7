using GovPulse.Notifications.Notices;

namespace GovPulse.Notifications.Webhooks;

/// <summary>
/// Hands a notice to every registered webhook that takes its kind. Durable before it returns: each
/// webhook gets it once it answers 2xx, retried with backoff, else it lands in the dead letters.
/// (Implemented in Webhooks/.)
/// </summary>
public interface IWebhookOutbox
{
    Task EnqueueAsync(Notice notice, CancellationToken cancellationToken = default);
}
