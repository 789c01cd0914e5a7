namespace GovPulse.Notifications.Push;

/// <summary>
/// <c>POST /api/v1/push/subscriptions</c>: the browser's <c>PushSubscription.toJSON()</c>
/// (<c>endpoint, expirationTime, keys</c>) and the person's choices (<c>schedule, quietHours, language</c>).
/// </summary>
/// <param name="ExpirationTime">Unix milliseconds, or null (most browsers).</param>
public sealed record PushSubscriptionRequest(
    string? Endpoint,
    double? ExpirationTime,
    PushSubscriptionKeys? Keys,
    string? Schedule,
    QuietHoursRequest? QuietHours,
    string? Language);

/// <summary>The browser's keys: <c>p256dh</c> (its P-256 public key) and <c>auth</c> (the shared secret), base64url.</summary>
public sealed record PushSubscriptionKeys(string? P256dh, string? Auth);

/// <summary><c>{"from":"22:00","to":"06:30"}</c>, Vietnam time.</summary>
public sealed record QuietHoursRequest(string? From, string? To);
