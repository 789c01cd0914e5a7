namespace GovPulse.Notifications.Notices;

/// <summary>
/// Delivers a notice to a person: to each of their push subscriptions whose schedule takes the
/// notice's kind, now, or — inside the subscription's quiet hours — held for the catch-up digest
/// sent when the quiet hours end. (Implemented in Summaries/.)
/// </summary>
/// <remarks>
/// Which kinds each schedule takes: <see cref="DeliverySchedule.Hourly"/> — hourly summaries, alerts,
/// the morning list; <see cref="DeliverySchedule.Daily"/> — the 07:00 daily summary, alerts, the
/// morning list; <see cref="DeliverySchedule.Alerts"/> — alerts and the morning list. Every schedule
/// takes the catch-up digest (an hourly subscription's always, the others' only when something was
/// held in their quiet hours). Tests go to every subscription.
/// </remarks>
public interface IPersonNotifier
{
    Task<NoticeDelivery> NotifyAsync(string username, Notice notice, CancellationToken cancellationToken = default);
}
