using GovPulse.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GovPulse.Notifications.Push;

/// <summary>
/// This node's VAPID key pair: the configured one (<c>GovPulse:Push:VapidPublicKey</c>/<c>VapidPrivateKey</c>),
/// or the data directory's <see cref="VapidKeyFile"/>, made on first use. A node reads the file
/// again when its last write time changes, so a rotation made through any node sharing the
/// directory reaches them all by their next message.
/// </summary>
public sealed partial class VapidKeys
{
    private readonly PushOptions _options;
    private readonly StorageOptions _storage;
    private readonly IDataProtectionProvider _protection;
    private readonly TimeProvider _time;
    private readonly ILogger<VapidKeys> _logger;
    private readonly Lock _lock = new();
    private VapidKeyPair? _configured;
    private VapidKeyFile? _file;
    private VapidKeyPair? _current;
    private DateTime _readAt;

    public VapidKeys(IOptions<PushOptions> options, IOptions<StorageOptions> storage, IDataProtectionProvider protection, TimeProvider time, ILogger<VapidKeys> logger)
    {
        _options = options.Value;
        _storage = storage.Value;
        _protection = protection;
        _time = time;
        _logger = logger;
    }

    /// <summary>True when the keys come from configuration (they cannot be rotated through the API then).</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(_options.VapidPublicKey) || !string.IsNullOrWhiteSpace(_options.VapidPrivateKey);

    /// <summary>The pair to sign with and to give browsers now.</summary>
    public VapidKeyPair Current
    {
        get
        {
            lock (_lock)
            {
                if (IsConfigured)
                {
                    return _configured ??= Configured();
                }

                var file = File();
                var written = System.IO.File.Exists(file.Path) ? System.IO.File.GetLastWriteTimeUtc(file.Path) : default;
                if (_current is null || written != _readAt)
                {
                    var before = _current;
                    _current = file.LoadOrCreate(_time.GetUtcNow());
                    _readAt = System.IO.File.GetLastWriteTimeUtc(file.Path);
                    if (before is null)
                    {
                        LogFileKeys(_logger, file.Path, _current.PublicKey);
                    }
                    else if (before.PublicKey != _current.PublicKey)
                    {
                        LogReloaded(_logger, file.Path, _current.PublicKey);
                    }
                }

                return _current;
            }
        }
    }

    /// <summary>Makes a new pair and writes it to the key file: every subscription made under the old public key stops working until its browser subscribes again.</summary>
    /// <exception cref="InvalidOperationException">The keys are configured, not kept in the file.</exception>
    public VapidKeyPair Rotate()
    {
        lock (_lock)
        {
            if (IsConfigured)
            {
                throw new InvalidOperationException($"The VAPID keys come from configuration ({PushOptions.Section}:VapidPublicKey and VapidPrivateKey): change them there, on every node");
            }

            var file = File();
            var pair = VapidKeyPair.New(_time.GetUtcNow());
            file.Write(pair);
            _current = file.Read();
            _readAt = System.IO.File.GetLastWriteTimeUtc(file.Path);
            LogRotated(_logger, file.Path, _current.PublicKey);
            return _current;
        }
    }

    private VapidKeyPair Configured()
    {
        if (!VapidKeyPair.TryParse(_options.VapidPublicKey, _options.VapidPrivateKey, _time.GetUtcNow(), out var pair, out var error))
        {
            throw new InvalidOperationException($"{PushOptions.Section}:VapidPublicKey and VapidPrivateKey: {error} (set both, or neither to let the node make a pair in its data directory)");
        }

        LogConfigured(_logger, pair.PublicKey);
        return pair;
    }

    private VapidKeyFile File() => _file ??= new VapidKeyFile(
        Path.Combine(PrivateDirectory.Create(_storage.DataDirectory, _logger), VapidKeyFile.FileName),
        _protection.CreateProtector(VapidKeyFile.Purpose));

    [LoggerMessage(Level = LogLevel.Information, Message = "Web Push signs with the configured VAPID key pair (public key {PublicKey})")]
    private static partial void LogConfigured(ILogger logger, string publicKey);

    [LoggerMessage(Level = LogLevel.Information, Message = "Web Push signs with the VAPID key pair in {Path} (public key {PublicKey}; private key sealed with the key ring)")]
    private static partial void LogFileKeys(ILogger logger, string path, string publicKey);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The VAPID key pair in {Path} changed (rotated through another node?): now public key {PublicKey}; browsers subscribed under the old key must subscribe again")]
    private static partial void LogReloaded(ILogger logger, string path, string publicKey);

    [LoggerMessage(Level = LogLevel.Warning, Message = "VAPID keys rotated in {Path}: public key now {PublicKey}; subscriptions made under the old key stop working until their browsers subscribe again")]
    private static partial void LogRotated(ILogger logger, string path, string publicKey);
}
