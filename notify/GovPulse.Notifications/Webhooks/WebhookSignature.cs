using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace GovPulse.Notifications.Webhooks;

/// <summary>
/// The signature a receiver checks: <c>v1=</c> and the lowercase hex HMAC-SHA-256, keyed with the
/// webhook's secret (its UTF-8 text, as shown once), over <c>"&lt;timestamp&gt;.&lt;body&gt;"</c>, the
/// timestamp being the <c>X-GovPulse-Timestamp</c> header (Unix seconds) and the body the exact bytes
/// POSTed. Signing the timestamp lets a receiver refuse an old message replayed at it.
/// </summary>
public static class WebhookSignature
{
    public const string TimestampHeader = "X-GovPulse-Timestamp";
    public const string SignatureHeader = "X-GovPulse-Signature";
    public const string DeliveryHeader = "X-GovPulse-Delivery";

    /// <summary>The <c>X-GovPulse-Signature</c> value for <paramref name="body"/> sent at <paramref name="timestamp"/>.</summary>
    public static string Sign(string secret, long timestamp, string body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(body);
        var signed = Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + "." + body);
        return "v1=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
    }
}
