using System.Net;

namespace GovPulse.Notifications.Urls;

/// <summary>Whether a URL names this machine (localhost, 127.0.0.0/8, ::1): the only http:// targets tests may allow for push endpoints and webhooks.</summary>
public static class LoopbackHost
{
    public static bool Is(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        return string.Equals(uri.IdnHost, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(uri.IdnHost.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
    }
}
