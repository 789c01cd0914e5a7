using System.Security.Cryptography;
using Microsoft.AspNetCore.WebUtilities;

namespace GovPulse.Notifications.Push;

/// <summary>
/// The application server's VAPID key pair (RFC 8292, P-256): the public key browsers subscribe with
/// and push services check signatures against, the private key that signs each request's JWT.
/// </summary>
/// <param name="PublicKey">base64url of the 65-byte uncompressed point (0x04, X, Y).</param>
/// <param name="PrivateKey">base64url of the 32-byte scalar. Never logged (see <see cref="ToString"/>).</param>
/// <param name="CreatedAt">When the pair was made (for configured keys: when the node read them).</param>
public sealed record VapidKeyPair(string PublicKey, string PrivateKey, DateTimeOffset CreatedAt)
{
    public const int PublicKeyBytes = 65;
    public const int PrivateKeyBytes = 32;

    /// <summary>A new random pair.</summary>
    public static VapidKeyPair New(DateTimeOffset now)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var parameters = key.ExportParameters(includePrivateParameters: true);
        byte[] point = [0x04, .. parameters.Q.X!, .. parameters.Q.Y!];
        return new VapidKeyPair(WebEncoders.Base64UrlEncode(point), WebEncoders.Base64UrlEncode(parameters.D!), now);
    }

    /// <summary>
    /// A pair from text (configuration, the key file): both keys of the right size, on the curve, and
    /// belonging together. The error never holds a key.
    /// </summary>
    public static bool TryParse(string? publicKey, string? privateKey, DateTimeOffset createdAt, out VapidKeyPair pair, out string? error)
    {
        pair = null!;
        if (!TryDecode(publicKey, PublicKeyBytes, out var point) || point[0] != 0x04)
        {
            error = $"the VAPID public key must be base64url of a {PublicKeyBytes}-byte uncompressed P-256 point";
            return false;
        }

        if (!TryDecode(privateKey, PrivateKeyBytes, out var scalar))
        {
            error = $"the VAPID private key must be base64url of {PrivateKeyBytes} bytes";
            return false;
        }

        try
        {
            using var key = ECDsa.Create(new ECParameters
            {
                Curve = ECCurve.NamedCurves.nistP256,
                Q = new ECPoint { X = point[1..33], Y = point[33..] },
                D = scalar,
            });
            // Importing checks the point is on the curve; signing with one half and verifying with
            // the other checks the halves belong together.
            using var alone = ECDsa.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, Q = new ECPoint { X = point[1..33], Y = point[33..] } });
            byte[] probe = [.. "GovPulse VAPID key check"u8];
            if (!alone.VerifyData(probe, key.SignData(probe, HashAlgorithmName.SHA256), HashAlgorithmName.SHA256))
            {
                error = "the VAPID public and private keys are not one pair";
                return false;
            }
        }
        catch (CryptographicException)
        {
            error = "the VAPID public and private keys are not one P-256 key pair";
            return false;
        }

        pair = new VapidKeyPair(publicKey!.Trim(), privateKey!.Trim(), createdAt);
        error = null;
        return true;
    }

    /// <summary>Whether <paramref name="text"/> is base64url (padding allowed) of exactly <paramref name="length"/> bytes.</summary>
    public static bool TryDecode(string? text, int length, out byte[] bytes)
    {
        bytes = [];
        if (string.IsNullOrWhiteSpace(text) || text.Length > 4 * length)
        {
            return false;
        }

        try
        {
            bytes = WebEncoders.Base64UrlDecode(text.Trim().TrimEnd('='));
        }
        catch (FormatException)
        {
            return false;
        }

        return bytes.Length == length;
    }

    public override string ToString() => $"VapidKeyPair {{ PublicKey = {PublicKey}, CreatedAt = {CreatedAt:O} }}";
}
