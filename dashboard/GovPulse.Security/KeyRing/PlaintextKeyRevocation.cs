using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GovPulse.Security.KeyRing;

/// <summary>
/// At start, revokes every key ring entry stored in the clear (by a version before the key ring was
/// encrypted). Anyone who read the database then holds those keys and could sign a cookie the node
/// would still read until the key is revoked, expiry or not; so they are revoked, and the framework
/// makes a new, encrypted key. Sessions signed with them end once: people sign in again.
/// </summary>
public sealed partial class PlaintextKeyRevocation(ClickHouseKeyRing ring, IKeyManager keys, ILogger<PlaintextKeyRevocation> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var plaintext = ring.GetAllElements()
            .Where(e => e.Name.LocalName == "key" && HoldsSecretInTheClear(e))
            .Select(e => Guid.TryParse((string?)e.Attribute("id"), out var id) ? id : Guid.Empty)
            .Where(id => id != Guid.Empty)
            .ToHashSet();
        if (plaintext.Count == 0)
        {
            return Task.CompletedTask;
        }

        var revoked = keys.GetAllKeys().Where(k => k.IsRevoked).Select(k => k.KeyId).ToHashSet();
        foreach (var id in plaintext.Where(id => !revoked.Contains(id)))
        {
            keys.RevokeKey(id, "Stored unencrypted by an earlier GovPulse: whoever read the database could sign cookies with it.");
            LogRevoked(id);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    // The framework marks a secret for its encryptor with requiresEncryption="true" and, once
    // encrypted, replaces the marked element with <encryptedSecret>: a marked element left means clear text.
    private static bool HoldsSecretInTheClear(XElement key) =>
        key.Descendants().Any(e => e.Attributes().Any(a => a.Name.LocalName == "requiresEncryption" && string.Equals(a.Value, "true", StringComparison.OrdinalIgnoreCase)));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Key ring key {KeyId} was stored unencrypted by an earlier version: revoked, a new encrypted key replaces it; sessions signed with it end (people sign in again once)")]
    private partial void LogRevoked(Guid keyId);
}
