using GovPulse.Notifications.Notices;
using GovPulse.Notifications.Subscriptions;

namespace GovPulse.Notifications.Summaries;

/// <summary>Notices held in quiet hours, per subscription, in ClickHouse (<c>held_notices</c>): they survive restarts and every node sees them.</summary>
public interface IHeldNoticeStore
{
    Task HoldAsync(PushSubscriptionRecord subscription, Notice notice, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>The subscription's held notices, oldest first (a notice held twice appears once).</summary>
    Task<IReadOnlyList<HeldNotice>> ListAsync(string subscriptionId, CancellationToken cancellationToken = default);

    /// <summary>Clears those notices (the digest that listed them went out).</summary>
    Task ClearAsync(IReadOnlyCollection<HeldNotice> notices, DateTimeOffset at, CancellationToken cancellationToken = default);
}
