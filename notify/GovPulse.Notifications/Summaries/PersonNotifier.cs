using GovPulse.Grains;
using GovPulse.Notifications.Notices;
using GovPulse.Notifications.Subscriptions;

namespace GovPulse.Notifications.Summaries;

/// <summary>
/// <see cref="IPersonNotifier"/>: a notice to each of the person's subscriptions whose schedule
/// takes it, sent now or (inside that subscription's quiet hours) held in ClickHouse for the
/// catch-up digest the first hourly publication after the quiet hours sends.
/// </summary>
/// <param name="clock">The clock the grains judge by, as the summaries' round reads it: quiet hours are judged on the same time as the figures.</param>
public sealed class PersonNotifier(IPushSubscriptionStore subscriptions, SubscriptionDelivery delivery, ScoringClock clock) : IPersonNotifier
{
    public async Task<NoticeDelivery> NotifyAsync(string username, Notice notice, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(username);
        ArgumentNullException.ThrowIfNull(notice);
        var now = clock.Now;
        var total = NoticeDelivery.None;
        foreach (var subscription in await subscriptions.ListAsync(username.ToLowerInvariant(), cancellationToken))
        {
            total = total.Add(await delivery.DeliverAsync(subscription, notice, now, cancellationToken));
        }

        return total;
    }
}
