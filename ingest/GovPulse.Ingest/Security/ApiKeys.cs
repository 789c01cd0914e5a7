using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace GovPulse.Ingest.Security;

/// <summary>
/// The API keys this node accepts. For now the bootstrap key only; when none is configured the
/// node makes a random one for its lifetime and prints it at start-up, so a first run works
/// without any secret in the repo.
/// </summary>
public sealed class ApiKeys
{
    private readonly byte[] _bootstrapHash;

    public ApiKeys(IOptions<IngestOptions> options)
    {
        var configured = options.Value.BootstrapKey;
        IsGenerated = string.IsNullOrWhiteSpace(configured);
        BootstrapKey = IsGenerated ? "gp_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24)) : configured!;
        _bootstrapHash = Hash(BootstrapKey);
    }

    /// <summary>The bootstrap key (shown once at start-up when generated).</summary>
    public string BootstrapKey { get; }

    public bool IsGenerated { get; }

    /// <summary>Constant-time check of a presented key.</summary>
    public bool IsValid(string? presented) =>
        !string.IsNullOrEmpty(presented) && CryptographicOperations.FixedTimeEquals(Hash(presented), _bootstrapHash);

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
