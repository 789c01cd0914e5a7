using System.Net;
using GovPulse.Notifications.Subscriptions;
using GovPulse.Notifications.Urls;

namespace GovPulse.Notifications.Push;

/// <summary>
/// What a subscription request must be: an <c>https://</c> endpoint (loopback <c>http://</c> only when
/// the node allows it, for tests), the browser's keys of the right sizes (p256dh: a 65-byte
/// uncompressed P-256 point; auth: 16 bytes), a known schedule and language, quiet hours as HH:mm.
/// </summary>
public static class PushSubscriptionRules
{
    public const int MaxEndpointLength = 2_048;
    public const int P256dhBytes = 65;
    public const int AuthBytes = 16;

    /// <summary>The record for <paramref name="request"/>, or null and the reason it is refused.</summary>
    public static PushSubscriptionRecord? Check(
        PushSubscriptionRequest? request, string username, bool allowLoopback, DateTimeOffset now, out string? error)
    {
        ArgumentNullException.ThrowIfNull(username);
        if (request is null)
        {
            error = "the body must be the browser's PushSubscription.toJSON(): {\"endpoint\":…, \"keys\":{\"p256dh\":…, \"auth\":…}}";
            return null;
        }

        if (EndpointError(request.Endpoint, allowLoopback) is { } endpointError)
        {
            error = endpointError;
            return null;
        }

        if (!VapidKeyPair.TryDecode(request.Keys?.P256dh, P256dhBytes, out var point) || point[0] != 0x04)
        {
            error = $"keys.p256dh must be base64url of the browser's {P256dhBytes}-byte uncompressed P-256 public key";
            return null;
        }

        if (!VapidKeyPair.TryDecode(request.Keys?.Auth, AuthBytes, out _))
        {
            error = $"keys.auth must be base64url of the browser's {AuthBytes}-byte authentication secret";
            return null;
        }

        var schedule = DeliverySchedule.Hourly;
        if (request.Schedule is not null && !DeliverySchedules.TryParse(request.Schedule, out schedule))
        {
            error = "schedule must be \"hourly\", \"daily\" or \"alerts\"";
            return null;
        }

        var quiet = QuietHours.Default;
        if (request.QuietHours is { } asked && !QuietHours.TryParse(asked.From, asked.To, out quiet, out error))
        {
            return null;
        }

        if (request.Language is not (null or "vi" or "en"))
        {
            error = "language must be \"vi\" or \"en\"";
            return null;
        }

        DateTimeOffset? expires = null;
        if (request.ExpirationTime is { } ms)
        {
            if (!double.IsFinite(ms) || ms < 0 || ms > 253_402_300_799_000)
            {
                error = "expirationTime must be null or Unix milliseconds";
                return null;
            }

            expires = DateTimeOffset.FromUnixTimeMilliseconds((long)ms);
        }

        var endpoint = request.Endpoint!;
        error = null;
        return new PushSubscriptionRecord(
            PushSubscriptionStore.IdOf(endpoint), username, endpoint, request.Keys!.P256dh!.Trim(), request.Keys.Auth!.Trim(),
            expires, schedule, quiet, request.Language ?? "vi", now);
    }

    /// <summary>Why <paramref name="endpoint"/> cannot be a push endpoint, or null when it can.</summary>
    public static string? EndpointError(string? endpoint, bool allowLoopback)
    {
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            return "endpoint is missing: send the browser's PushSubscription.toJSON()";
        }

        if (endpoint.Length > MaxEndpointLength)
        {
            return $"endpoint is longer than {MaxEndpointLength} characters";
        }

        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || !string.IsNullOrEmpty(uri.UserInfo) || !string.IsNullOrEmpty(uri.Fragment))
        {
            return "endpoint must be an absolute https:// URL without user info or fragment";
        }

        if (uri.Scheme == Uri.UriSchemeHttps)
        {
            // The node itself requests the endpoint: an address inside the network is refused, so a
            // subscription cannot make the node call its neighbours (names are not resolved here).
            return IsInternal(uri) && !(allowLoopback && LoopbackHost.Is(uri)) ? "endpoint must be a push service's public address, not a private or loopback IP" : null;
        }

        if (uri.Scheme == Uri.UriSchemeHttp && LoopbackHost.Is(uri))
        {
            return allowLoopback ? null : "endpoint must be https:// (http:// to 127.0.0.1 or localhost only when GovPulse:Push:AllowLoopbackEndpoints is on, for tests)";
        }

        return "endpoint must be https://";
    }

    private static bool IsInternal(Uri uri)
    {
        if (LoopbackHost.Is(uri))
        {
            return true;
        }

        if (!IPAddress.TryParse(uri.IdnHost, out var address))
        {
            return false;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        var b = address.GetAddressBytes();
        return address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork
            ? b[0] is 0 or 10 || (b[0] == 172 && b[1] is >= 16 and <= 31) || (b[0] == 192 && b[1] == 168) || (b[0] == 169 && b[1] == 254) || (b[0] == 100 && b[1] is >= 64 and <= 127)
            : address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal || address.Equals(IPAddress.IPv6Any);
    }

}
