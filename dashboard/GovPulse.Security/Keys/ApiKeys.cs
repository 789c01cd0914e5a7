using System.Security.Cryptography;
using System.Text;
using GovPulse.Storage.ClickHouse;
using Microsoft.Extensions.Options;

namespace GovPulse.Security.Keys;

/// <summary>
/// The API keys this node accepts: the bootstrap key, and the active stored keys as last loaded
/// from ClickHouse (<see cref="ApiKeyRefresh"/>). When no bootstrap key is configured the node
/// makes a random one for its lifetime and prints it at start-up, so a first run works without
/// any secret in the repo.
/// </summary>
/// <remarks>
/// Keys are held and compared as SHA-256 digests only. A key is 192 random bits, so a plain hash
/// cannot be reversed or guessed and needs no salt or slow KDF; a presented key is hashed once and
/// compared with every known digest in constant time, without stopping at a match.
/// </remarks>
public sealed class ApiKeys
{
    /// <summary>The bootstrap key's id in claims and rate-limit partitions (stored ids start with <c>k_</c>).</summary>
    public const string BootstrapId = "bootstrap";

    public const int MaxRatePerMinute = 1_000_000;

    private readonly AcceptedKey _bootstrap;
    private readonly byte[] _bootstrapHash;
    private readonly TaskCompletionSource _firstLoad = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile Known[] _stored = [];

    public ApiKeys(IOptions<ApiKeyOptions> options)
    {
        var configured = options.Value.BootstrapKey;
        IsGenerated = string.IsNullOrWhiteSpace(configured);
        BootstrapKey = IsGenerated ? NewKey() : configured!;
        _bootstrapHash = Hash(BootstrapKey);
        _bootstrap = new AcceptedKey(BootstrapId, "bootstrap key", [], options.Value.DefaultRatePerMinute, IsAdmin: true);
    }

    /// <summary>The bootstrap key (shown once at start-up when generated).</summary>
    public string BootstrapKey { get; }

    public bool IsGenerated { get; }

    /// <summary>Raised after every load of the stored keys (<see cref="ApiKeyRefresh"/>), so what was opened with a key since revoked can be closed.</summary>
    public event EventHandler? Replaced;

    /// <summary>Done once the stored keys have been loaded (or the first attempt failed), so a node that just started does not refuse a valid key.</summary>
    public Task FirstLoad => _firstLoad.Task;

    /// <summary>A new random key: <c>gp_</c> and 48 hex digits (192 bits).</summary>
    public static string NewKey() => "gp_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));

    /// <summary>A new public key id: <c>k_</c> and 8 hex digits.</summary>
    public static string NewId() => "k_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));

    /// <summary>What is stored for a key: the lower-case hex SHA-256 of its UTF-8 bytes.</summary>
    public static string HashHex(string key) => Convert.ToHexStringLower(Hash(key));

    /// <summary>The key <paramref name="presented"/> is, or null when it is no active key (unknown or revoked).</summary>
    public AcceptedKey? Find(string? presented)
    {
        if (string.IsNullOrEmpty(presented))
        {
            return null;
        }

        var hash = Hash(presented);
        var found = CryptographicOperations.FixedTimeEquals(hash, _bootstrapHash) ? _bootstrap : null;
        foreach (var known in _stored)
        {
            if (CryptographicOperations.FixedTimeEquals(hash, known.Hash))
            {
                found = known.Key;
            }
        }

        return found;
    }

    /// <summary>Whether the key with public id <paramref name="id"/> is still accepted (false once revoked).</summary>
    public bool IsActive(string id) => id == BootstrapId || Array.Exists(_stored, k => k.Key.Id == id);

    /// <summary>Replaces the stored keys with <paramref name="stored"/>, keeping the active ones.</summary>
    public void Replace(IEnumerable<StoredApiKey> stored)
    {
        _stored = [.. stored
            .Where(k => !k.IsRevoked)
            .Select(k => new Known(
                Convert.FromHexString(k.Sha256),
                new AcceptedKey(k.Id, k.Name, k.Units, k.RatePerMinute, IsAdmin: false)))];
        _firstLoad.TrySetResult();
        Replaced?.Invoke(this, EventArgs.Empty);
    }

    /// <summary>Marks the first load as attempted when it failed: requests stop waiting for it and only the bootstrap key works until a load succeeds.</summary>
    public void FirstLoadFailed() => _firstLoad.TrySetResult();

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    private sealed record Known(byte[] Hash, AcceptedKey Key);
}

/// <summary>A key this node accepted: who it is, the units it may send (empty = every unit), its rate, and whether it is the admin (bootstrap) key.</summary>
public sealed record AcceptedKey(string Id, string Name, IReadOnlyList<string> Units, int RatePerMinute, bool IsAdmin);
