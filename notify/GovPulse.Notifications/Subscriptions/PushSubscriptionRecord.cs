namespace GovPulse.Notifications.Subscriptions;

/// <summary>
/// One browser's push subscription, owned by one person (several per person: phone, desktop).
/// <see cref="P256dh"/> and <see cref="Auth"/> are the browser's keys in the clear here; the store keeps them encrypted.
/// </summary>
/// <param name="Id">Opaque, URL-safe; the API's handle for it.</param>
/// <param name="Username">Its owner (lower case).</param>
/// <param name="Endpoint">The push service URL (https, or loopback http when the node allows it for tests).</param>
/// <param name="Language"><c>vi</c> or <c>en</c>: the language its notifications are written in.</param>
[GenerateSerializer, Immutable, Alias("govpulse.push-subscription")]
public sealed record PushSubscriptionRecord(
    [property: Id(0)] string Id,
    [property: Id(1)] string Username,
    [property: Id(2)] string Endpoint,
    [property: Id(3)] string P256dh,
    [property: Id(4)] string Auth,
    [property: Id(5)] DateTimeOffset? ExpirationTime,
    [property: Id(6)] DeliverySchedule Schedule,
    [property: Id(7)] QuietHours QuietHours,
    [property: Id(8)] string Language,
    [property: Id(9)] DateTimeOffset CreatedAt)
{
    /// <summary>Never the keys: records print themselves in logs and test failures.</summary>
    public override string ToString() =>
        $"PushSubscription {{ Id = {Id}, Username = {Username}, Schedule = {Schedule}, QuietHours = {QuietHours}, Language = {Language} }}";
}
