using System.Security.Cryptography;
using System.Text;

namespace GovPulse.Security.KeyRing;

/// <summary>
/// A key that encrypts key ring entries: 256 bits for AES-GCM, named by an id derived from it (so an
/// entry says which key sealed it, and keys can change) that reveals nothing of it.
/// </summary>
public sealed class KeyRingKey
{
    public const int Size = 32;

    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly byte[] _material;

    private KeyRingKey(byte[] material)
    {
        _material = material;
        var digest = SHA256.HashData([.. "GovPulse key ring key id:"u8, .. material]);
        Id = Convert.ToHexStringLower(digest.AsSpan(0, 4));
    }

    /// <summary>Eight hex digits, the same on every node given the same key.</summary>
    public string Id { get; }

    /// <summary>A new random key.</summary>
    public static KeyRingKey New() => new(RandomNumberGenerator.GetBytes(Size));

    /// <summary>The key written as base64 (<paramref name="text"/> may carry surrounding white space, as files do).</summary>
    /// <exception cref="FormatException">Not base64 of exactly 32 bytes. The message never holds the text.</exception>
    public static KeyRingKey Parse(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        var buffer = new byte[Size + 1];
        if (!Convert.TryFromBase64String(text.Trim(), buffer, out var written) || written != Size)
        {
            throw new FormatException($"{source} must be {Size} random bytes in base64 (openssl rand -base64 32).");
        }

        return new KeyRingKey(buffer[..Size]);
    }

    /// <summary>The key as base64, to write to the key file.</summary>
    public string ToBase64() => Convert.ToBase64String(_material);

    /// <summary>Encrypts and authenticates <paramref name="plaintext"/>: nonce, tag and ciphertext in one array.</summary>
    public byte[] Seal(ReadOnlySpan<byte> plaintext)
    {
        var sealedBytes = new byte[NonceSize + TagSize + plaintext.Length];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_material, TagSize);
        aes.Encrypt(nonce, plaintext, sealedBytes.AsSpan(NonceSize + TagSize), sealedBytes.AsSpan(NonceSize, TagSize), AssociatedData());
        return sealedBytes;
    }

    /// <summary>What <see cref="Seal"/> made, checked and decrypted.</summary>
    /// <exception cref="CryptographicException">Not sealed with this key, or changed since.</exception>
    public byte[] Open(ReadOnlySpan<byte> sealedBytes)
    {
        if (sealedBytes.Length < NonceSize + TagSize)
        {
            throw new CryptographicException("The key ring entry is too short to be sealed.");
        }

        var plaintext = new byte[sealedBytes.Length - NonceSize - TagSize];
        using var aes = new AesGcm(_material, TagSize);
        aes.Decrypt(sealedBytes[..NonceSize], sealedBytes[(NonceSize + TagSize)..], sealedBytes.Slice(NonceSize, TagSize), plaintext, AssociatedData());
        return plaintext;
    }

    public override string ToString() => $"KeyRingKey {Id}";

    // Binds the ciphertext to this format and key id: an entry moved under another id fails to open.
    private byte[] AssociatedData() => Encoding.ASCII.GetBytes("GovPulse key ring v1:" + Id);
}
