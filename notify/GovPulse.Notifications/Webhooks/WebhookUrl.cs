using GovPulse.Notifications.Urls;

namespace GovPulse.Notifications.Webhooks;

/// <summary>Which URLs a webhook may have: <c>https://</c>; <c>http://</c> only to this machine (127.0.0.1, ::1, localhost) when <see cref="WebhookOptions.AllowLoopback"/> is on.</summary>
public static class WebhookUrl
{
    public const int MaxLength = 2_000;

    /// <summary>What is wrong with <paramref name="text"/> as a webhook URL, or null (and the URL) when it is fine.</summary>
    public static string? ProblemWith(string? text, bool allowLoopback, out Uri url)
    {
        url = null!;
        text = text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return "url is missing; give the receiver's https:// address, e.g. \"https://bridge.example.gov.vn/govpulse\"";
        }

        if (text.Length > MaxLength)
        {
            return $"url is {text.Length} characters long; at most {MaxLength} are allowed";
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var parsed) || (parsed.Scheme != Uri.UriSchemeHttps && parsed.Scheme != Uri.UriSchemeHttp))
        {
            return "url is not an absolute https:// address";
        }

        if (parsed.UserInfo.Length > 0 || parsed.Fragment.Length > 0)
        {
            return "url must not carry a user name, password or #fragment; put a receiver's token in the path or query";
        }

        if (parsed.Scheme == Uri.UriSchemeHttp && !(allowLoopback && LoopbackHost.Is(parsed)))
        {
            return allowLoopback
                ? "url must be https:// (http:// is accepted only for 127.0.0.1, ::1 and localhost)"
                : "url must be https://: messages carry the city's figures and must not cross the network in clear";
        }

        url = parsed;
        return null;
    }


    /// <summary>The origin followed by "…" when there is more (path, query): a list never shows a token a URL may carry.</summary>
    public static string Shortened(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var origin = url.GetLeftPart(UriPartial.Authority);
        return url.PathAndQuery is "/" or "" ? origin + "/" : origin + "/…";
    }
}
