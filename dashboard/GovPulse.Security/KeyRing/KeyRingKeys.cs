using GovPulse.Storage;
using Microsoft.Extensions.Logging;

namespace GovPulse.Security.KeyRing;

/// <summary>
/// The keys this node encrypts and decrypts key ring entries with: the current one (new entries) and
/// the retired ones (old entries only). Without a configured key the node makes one, once, in
/// <c>&lt;DataDirectory&gt;/keyring.key</c> (mode 0600), and warns: a key beside the database keeps
/// the key ring from whoever reads the database, but not from whoever reads the directory.
/// </summary>
public sealed partial class KeyRingKeys
{
    /// <summary>The file made in the data directory when no key is configured.</summary>
    public const string DefaultFileName = "keyring.key";

    private readonly Dictionary<string, KeyRingKey> _byId;

    public KeyRingKeys(KeyRingKey current, IEnumerable<KeyRingKey> retired)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(retired);
        Current = current;
        _byId = retired.Append(current).DistinctBy(k => k.Id).ToDictionary(k => k.Id, StringComparer.Ordinal);
    }

    /// <summary>The key new entries are encrypted with.</summary>
    public KeyRingKey Current { get; }

    /// <summary>The key with <paramref name="id"/>, or null when this node has none such.</summary>
    public KeyRingKey? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>The keys as <paramref name="options"/> give them, or the data directory's key file (made when missing).</summary>
    public static KeyRingKeys Load(SecretsOptions options, string dataDirectory, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        var retired = options.RetiredKeyRingKeys.Select((text, i) => KeyRingKey.Parse(text, $"{SecretsOptions.Section}:RetiredKeyRingKeys:{i}")).ToList();
        KeyRingKey current;
        if (!string.IsNullOrWhiteSpace(options.KeyRingKey))
        {
            current = KeyRingKey.Parse(options.KeyRingKey, $"{SecretsOptions.Section}:KeyRingKey");
            LogConfigured(logger, current.Id, "GovPulse:Secrets:KeyRingKey");
        }
        else if (!string.IsNullOrWhiteSpace(options.KeyRingKeyFile))
        {
            current = KeyRingKey.Parse(File.ReadAllText(options.KeyRingKeyFile), $"The key ring key file {Path.GetFullPath(options.KeyRingKeyFile)}");
            LogConfigured(logger, current.Id, Path.GetFullPath(options.KeyRingKeyFile));
        }
        else
        {
            current = LoadOrMake(Path.Combine(PrivateDirectory.Create(dataDirectory, logger), DefaultFileName), logger);
        }

        return new KeyRingKeys(current, retired);
    }

    private static KeyRingKey LoadOrMake(string path, ILogger logger)
    {
        if (File.Exists(path))
        {
            if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & ~PrivateDirectory.FileMode) != 0)
            {
                File.SetUnixFileMode(path, PrivateDirectory.FileMode);
                LogFileTightened(logger, path);
            }

            var existing = KeyRingKey.Parse(File.ReadAllText(path), $"The key ring key file {path}");
            LogDefaultFile(logger, existing.Id, path);
            return existing;
        }

        var made = KeyRingKey.New();
        PrivateDirectory.WriteFile(path, made.ToBase64() + "\n");
        LogMade(logger, made.Id, path);
        return made;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Key ring encrypted with key {KeyId} from {Source}")]
    private static partial void LogConfigured(ILogger logger, string keyId, string source);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Key ring encrypted with key {KeyId} from {Path}, in the data directory: set GovPulse:Secrets:KeyRingKey or KeyRingKeyFile to keep the key apart from the data")]
    private static partial void LogDefaultFile(ILogger logger, string keyId, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No key ring key configured (GovPulse:Secrets:KeyRingKey or KeyRingKeyFile): made key {KeyId} in {Path} (mode 0600). Back it up; every node sharing this database needs the same key")]
    private static partial void LogMade(ILogger logger, string keyId, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The key ring key file {Path} was readable by other users; it is now 0600")]
    private static partial void LogFileTightened(ILogger logger, string path);
}
