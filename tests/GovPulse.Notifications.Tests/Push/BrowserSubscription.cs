using System.Security.Cryptography;
using System.Text;
using Lib.Net.Http.EncryptedContentEncoding;
using Microsoft.AspNetCore.WebUtilities;

namespace GovPulse.Notifications.Tests.Push;

/// <summary>
/// What a browser holds for one push subscription: its P-256 key pair and auth secret. It gives the
/// server <see cref="P256dh"/> and <see cref="Auth"/>, and decrypts what arrives as RFC 8291 says
/// (ECDH with the sender's key from the aes128gcm header, then HKDF with the auth secret).
/// </summary>
public sealed class BrowserSubscription : IDisposable
{
    private readonly ECDiffieHellman _key = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
    private readonly byte[] _auth = RandomNumberGenerator.GetBytes(16);
    private readonly byte[] _public;

    public BrowserSubscription()
    {
        var q = _key.ExportParameters(false).Q;
        _public = [0x04, .. q.X!, .. q.Y!];
    }

    public string P256dh => WebEncoders.Base64UrlEncode(_public);

    public string Auth => WebEncoders.Base64UrlEncode(_auth);

    /// <summary>The plaintext of an <c>aes128gcm</c> push message body meant for this subscription.</summary>
    public async Task<string> DecryptAsync(byte[] body)
    {
        using var source = new MemoryStream(body);
        using var plain = new MemoryStream();
        await Aes128GcmEncoding.DecodeAsync(source, plain, InputKeyingMaterial);
        return Encoding.UTF8.GetString(plain.ToArray());
    }

    public void Dispose() => _key.Dispose();

    // RFC 8291 §3.3–3.4: the key id is the sender's public key; IKM = HKDF(auth, ecdh, "WebPush: info" ‖ ua ‖ as).
    private byte[] InputKeyingMaterial(byte[] senderPublic)
    {
        using var sender = ECDiffieHellman.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = senderPublic[1..33], Y = senderPublic[33..65] },
        });
        var shared = _key.DeriveRawSecretAgreement(sender.PublicKey);
        byte[] info = [.. "WebPush: info\0"u8, .. _public, .. senderPublic];
        return HKDF.DeriveKey(HashAlgorithmName.SHA256, shared, 32, _auth, info);
    }
}
