using System.Collections.Concurrent;
using GovPulse.Notifications.Notices;
using GovPulse.Notifications.Push;
using GovPulse.Notifications.Subscriptions;

namespace GovPulse.Grains.Tests.Notifications.Summaries;

/// <summary>The push seam until PUSH's sender is merged: records what would go to each subscription, and answers sent.</summary>
public sealed class RecordingPushSender : IPushSender
{
    public ConcurrentQueue<(PushSubscriptionRecord Subscription, Notice Notice)> Sent { get; } = new();

    public Task<PushOutcome> SendAsync(PushSubscriptionRecord subscription, Notice notice, CancellationToken cancellationToken = default)
    {
        Sent.Enqueue((subscription, notice));
        return Task.FromResult(PushOutcome.Sent);
    }

    /// <summary>What the subscriptions of people whose username starts with <paramref name="prefix"/> received.</summary>
    public List<(PushSubscriptionRecord Subscription, Notice Notice)> To(string prefix) =>
        Sent.Where(s => s.Subscription.Username.StartsWith(prefix, StringComparison.Ordinal)).ToList();
}
