namespace GovPulse.Security.KeyRing;

/// <summary>
/// Section <c>GovPulse:Secrets</c>: the key that encrypts the key ring (the keys of session cookies and
/// anti-forgery tokens) where it is stored, in ClickHouse. Set at most one of <see cref="KeyRingKey"/>
/// and <see cref="KeyRingKeyFile"/>; with neither, the node makes one in its data directory.
/// </summary>
public sealed class SecretsOptions
{
    public const string Section = "GovPulse:Secrets";

    /// <summary>The key itself: 32 random bytes in base64 (<c>openssl rand -base64 32</c>), through the environment (<c>GovPulse__Secrets__KeyRingKey</c>).</summary>
    public string? KeyRingKey { get; set; }

    /// <summary>A file holding the key as <see cref="KeyRingKey"/> does (a mounted secret, a file only the node's user may read).</summary>
    public string? KeyRingKeyFile { get; set; }

    /// <summary>
    /// Keys used before the current one, in the same form: the key ring entries they encrypted are
    /// still read, nothing new is written with them. Keep one here after a change until the entries
    /// it encrypted have expired (90 days and a session's lifetime).
    /// </summary>
    public IList<string> RetiredKeyRingKeys { get; } = [];
}
