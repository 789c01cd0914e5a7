namespace GovPulse.Notifications.Push;

/// <summary>
/// A subscription's endpoint is a capability (whoever has it and the keys can push to that browser),
/// so logs and answers show only its origin.
/// </summary>
public static class PushEndpoint
{
    /// <summary><c>https://fcm.googleapis.com</c> for <c>https://fcm.googleapis.com/fcm/send/…</c>; "(not a URL)" for anything else.</summary>
    public static string Origin(string? endpoint) =>
        Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Authority) : "(not a URL)";

    /// <summary>The origin followed by "…" (<c>https://fcm.googleapis.com…</c>): how the API shows an endpoint.</summary>
    public static string Shortened(string? endpoint) => Origin(endpoint) + "…";
}
