using Orleans.Concurrency;

namespace GovPulse.Notifications.Webhooks;

/// <summary>
/// Delivers one webhook's outbox (keyed by the webhook id): one activation in the cluster, so its
/// messages go out one at a time, oldest first, and only it changes its deliveries after they are enqueued.
/// </summary>
[Alias("govpulse.webhook-delivery")]
public interface IWebhookDeliveryGrain : IGrainWithStringKey
{
    /// <summary>There may be new messages: start draining unless a drain runs or a retry waits (it then honours its backoff).</summary>
    [AlwaysInterleave, Alias("wake")]
    Task WakeAsync();

    /// <summary>Puts the dead letter for <paramref name="noticeId"/> back into the outbox, as if just enqueued; false when it is not a dead letter.</summary>
    [Alias("replay")]
    Task<bool> ReplayAsync(string noticeId);
}
