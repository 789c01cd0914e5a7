using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace GovPulse.Notifications.Tests.Push;

/// <summary>
/// An <c>Authorization: vapid t=…, k=…</c> header as a push service reads it (RFC 8292): the JWT's
/// claims, and whether its ES256 signature verifies with the key it names.
/// </summary>
public sealed record VapidToken(string PublicKey, string Audience, DateTimeOffset Expires, string Subject, string Algorithm, bool SignatureVerifies)
{
    public static VapidToken Parse(string? authorization)
    {
        ArgumentNullException.ThrowIfNull(authorization);
        authorization.Should().StartWith("vapid ");
        var parameters = authorization["vapid ".Length..].Split(',', StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        var token = parameters["t"];
        var key = parameters["k"];
        var parts = token.Split('.');
        parts.Should().HaveCount(3);
        var header = JsonDocument.Parse(WebEncoders.Base64UrlDecode(parts[0])).RootElement;
        var claims = JsonDocument.Parse(WebEncoders.Base64UrlDecode(parts[1])).RootElement;
        var point = WebEncoders.Base64UrlDecode(key);
        using var ecdsa = ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = point[1..33], Y = point[33..65] },
        });
        var verifies = ecdsa.VerifyData(
            Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), WebEncoders.Base64UrlDecode(parts[2]), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return new VapidToken(
            key,
            claims.GetProperty("aud").GetString()!,
            DateTimeOffset.FromUnixTimeSeconds(claims.GetProperty("exp").GetInt64()),
            claims.GetProperty("sub").GetString()!,
            header.GetProperty("alg").GetString()!,
            verifies);
    }
}
