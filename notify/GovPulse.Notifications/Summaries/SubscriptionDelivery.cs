using GovPulse.Notifications.Notices;
using GovPulse.Notifications.Push;
using GovPulse.Notifications.Subscriptions;

namespace GovPulse.Notifications.Summaries;

/// <summary>
/// Delivers one notice to one subscription by the schedule and quiet-hour rules: not at all when
/// its schedule does not take the kind; held for the digest inside its quiet hours; else sent now.
/// </summary>
public sealed class SubscriptionDelivery(IPushSender sender, IHeldNoticeStore held)
{
    /// <param name="now">The instant the quiet hours are judged at.</param>
    public async Task<NoticeDelivery> DeliverAsync(PushSubscriptionRecord subscription, Notice notice, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        ArgumentNullException.ThrowIfNull(notice);
        if (!ScheduleRules.Takes(subscription.Schedule, notice.Kind))
        {
            return NoticeDelivery.None;
        }

        if (notice.Kind is not (NoticeKind.Test or NoticeKind.Digest) && subscription.QuietHours.Contains(now))
        {
            if (ScheduleRules.HeldInQuietHours(notice.Kind))
            {
                await held.HoldAsync(subscription, notice, now, cancellationToken);
            }

            // An hourly summary in quiet hours is folded into the digest rather than kept itself.
            return new NoticeDelivery(0, 1, 0, 0);
        }

        return await SendAsync(subscription, notice, cancellationToken);
    }

    /// <summary>Sends now, whatever the schedule and the hour (the digest, which the caller decided on).</summary>
    public async Task<NoticeDelivery> SendAsync(PushSubscriptionRecord subscription, Notice notice, CancellationToken cancellationToken = default) =>
        await sender.SendAsync(subscription, notice, cancellationToken) switch
        {
            PushOutcome.Sent => new NoticeDelivery(1, 0, 0, 0),
            PushOutcome.Removed => new NoticeDelivery(0, 0, 1, 0),
            _ => new NoticeDelivery(0, 0, 0, 1),
        };
}
