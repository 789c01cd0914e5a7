namespace GovPulse.Notifications.Push;

/// <summary>Section <c>GovPulse:Push</c>: Web Push keys, contact, and how hard delivery tries.</summary>
public sealed class PushOptions
{
    public const string Section = "GovPulse:Push";

    /// <summary>
    /// The VAPID public key (base64url of the 65-byte uncompressed P-256 point). With
    /// <see cref="VapidPrivateKey"/>; when both are empty the node makes a pair once in its data
    /// directory (<c>vapid-keys.json</c>) and every node sharing the directory uses it.
    /// </summary>
    public string? VapidPublicKey { get; set; }

    /// <summary>The VAPID private key (base64url of the 32-byte P-256 scalar). A secret: prefer an environment variable or a secret store.</summary>
    public string? VapidPrivateKey { get; set; }

    /// <summary>
    /// Who push services may contact about this sender (the JWT's <c>sub</c>): a <c>mailto:</c> or
    /// <c>https:</c> URL. Default: <c>mailto:govpulse@</c> and the machine's host name.
    /// </summary>
    public string? Subject { get; set; }

    /// <summary>Accept <c>http://127.0.0.1</c>, <c>http://[::1]</c> and <c>http://localhost</c> endpoints (tests' push-service stand-ins). Off in production.</summary>
    public bool AllowLoopbackEndpoints { get; set; }

    /// <summary>Subscriptions one person may have (phones, desktops); one more is refused with 400.</summary>
    public int MaxSubscriptionsPerPerson { get; set; } = 20;

    /// <summary>Requests to a push service for one message, the first included, when it answers 429 or 5xx.</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>The wait before the first retry when the service gives no <c>Retry-After</c>; doubled each time.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest single wait; a <c>Retry-After</c> asking for more gives up on the message.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The most one message waits in all between its attempts.</summary>
    public TimeSpan MaxTotalRetryWait { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long one request to a push service may take.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The JWT's <c>sub</c>: <see cref="Subject"/>, or the default above.</summary>
    public string SubjectOrDefault() =>
        string.IsNullOrWhiteSpace(Subject) ? "mailto:govpulse@" + DefaultHost() : Subject.Trim();

    private static string DefaultHost()
    {
        var host = System.Net.Dns.GetHostName();
        return string.IsNullOrWhiteSpace(host) || !Uri.CheckHostName(host).Equals(UriHostNameType.Dns) ? "localhost" : host.ToLowerInvariant();
    }
}
