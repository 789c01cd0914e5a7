using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace GovPulse.Notifications.Webhooks;

/// <summary>
/// Signing secrets: 32 random bytes made by GovPulse, shown once as <c>whsec_</c> + 64 hex digits, and
/// kept in ClickHouse only encrypted with Data Protection — whose key ring every node shares through
/// ClickHouse, itself encrypted with the operator's key ring key, so the database alone reveals none.
/// </summary>
public sealed class WebhookSecrets(IDataProtectionProvider protection)
{
    private const string Prefix = "whsec_";

    private readonly IDataProtector _protector = protection.CreateProtector("GovPulse.Webhooks.SigningSecret.v1");

    public static string New() => Prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    /// <summary>The secret as stored.</summary>
    public string Protect(string secret) => _protector.Protect(secret);

    /// <summary>The secret from what <see cref="Protect"/> stored.</summary>
    public string Reveal(string protectedSecret) => _protector.Unprotect(protectedSecret);
}
