using System.Security.Cryptography;
using System.Text.Json;
using GovPulse.Storage;
using Microsoft.AspNetCore.DataProtection;

namespace GovPulse.Notifications.Push;

/// <summary>
/// The VAPID key pair kept in the data directory (<c>vapid-keys.json</c>, mode 0600) when none is
/// configured: the public key and creation time in the clear, the private key sealed with Data
/// Protection (whose key ring lives in ClickHouse, encrypted with the key ring key), so the file
/// alone gives nobody the key. Made once, atomically: nodes sharing the directory that start at
/// once all end up with the pair of whichever made it first.
/// </summary>
public sealed class VapidKeyFile(string path, IDataProtector protector)
{
    public const string FileName = "vapid-keys.json";

    /// <summary>The Data Protection purpose that seals the private key.</summary>
    public const string Purpose = "GovPulse.Push.VapidPrivateKey.v1";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public string Path { get; } = path;

    /// <summary>The pair in the file, or a new one written there when there is no file yet.</summary>
    public VapidKeyPair LoadOrCreate(DateTimeOffset now)
    {
        if (!File.Exists(Path))
        {
            // Whoever loses the race reads the winner's pair: one pair for every node sharing the directory.
            PrivateDirectory.TryCreateFile(Path, Serialize(VapidKeyPair.New(now)));
        }

        return Read();
    }

    /// <summary>Replaces the file's pair with <paramref name="pair"/> (rotation); nodes sharing the directory notice the new file.</summary>
    public void Write(VapidKeyPair pair) => PrivateDirectory.WriteFile(Path, Serialize(pair));

    /// <summary>The pair in the file.</summary>
    /// <exception cref="InvalidDataException">The file is not a key file, or its private key cannot be opened (another key ring). The message holds no key.</exception>
    public VapidKeyPair Read()
    {
        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(Path) & ~PrivateDirectory.FileMode) != 0)
        {
            File.SetUnixFileMode(Path, PrivateDirectory.FileMode);
        }

        StoredKeys? stored;
        try
        {
            stored = JsonSerializer.Deserialize<StoredKeys>(File.ReadAllText(Path), Json);
        }
        catch (JsonException)
        {
            stored = null;
        }

        if (stored is not { PublicKey: { } publicKey, SealedPrivateKey: { } sealedPrivateKey })
        {
            throw new InvalidDataException($"{Path} is not a VAPID key file: delete it to make a new pair (browsers then subscribe again), or configure {PushOptions.Section}:VapidPublicKey and VapidPrivateKey");
        }

        string privateKey;
        try
        {
            privateKey = protector.Unprotect(sealedPrivateKey);
        }
        catch (CryptographicException)
        {
            throw new InvalidDataException($"The VAPID private key in {Path} cannot be opened with this node's key ring (another database or key ring key?)");
        }

        if (!VapidKeyPair.TryParse(publicKey, privateKey, stored.CreatedAt, out var pair, out var error))
        {
            throw new InvalidDataException($"{Path}: {error}");
        }

        return pair;
    }

    private string Serialize(VapidKeyPair pair) =>
        JsonSerializer.Serialize(new StoredKeys(pair.PublicKey, protector.Protect(pair.PrivateKey), pair.CreatedAt), Json) + "\n";

    private sealed record StoredKeys(string? PublicKey, string? SealedPrivateKey, DateTimeOffset CreatedAt);
}
