using System.Globalization;
using GovPulse.Notifications.Subscriptions;

namespace GovPulse.Notifications.Push;

/// <summary>A subscription as its owner sees it: the endpoint shortened to its origin (the full URL is a capability), never the keys.</summary>
public sealed record PushSubscriptionView(
    string Id, string Endpoint, string Schedule, QuietHoursRequest QuietHours, string Language, DateTimeOffset CreatedAt, DateTimeOffset? ExpirationTime)
{
    public static PushSubscriptionView Of(PushSubscriptionRecord subscription)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        return new(
            subscription.Id,
            PushEndpoint.Shortened(subscription.Endpoint),
            DeliverySchedules.Name(subscription.Schedule),
            new QuietHoursRequest(
                subscription.QuietHours.From.ToString("HH:mm", CultureInfo.InvariantCulture),
                subscription.QuietHours.To.ToString("HH:mm", CultureInfo.InvariantCulture)),
            subscription.Language,
            subscription.CreatedAt,
            subscription.ExpirationTime);
    }
}
