using System.Collections.Concurrent;
using GovPulse.Storage.ClickHouse;
using GovPulse.Storage.Logging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GovPulse.Security.Users;

/// <summary>
/// The users as this node last read them, for checking sessions on every request without a
/// ClickHouse query each time: a user is read again when what the node holds is older than
/// <see cref="AuthOptions.UserRefreshInterval"/>, and at once after this node changed it. So a user
/// disabled on any node is refused on every node within that interval.
/// </summary>
public sealed partial class UserDirectory(IUserStore store, IOptions<AuthOptions> options, TimeProvider time, ILogger<UserDirectory> logger)
{
    private readonly ConcurrentDictionary<string, Held> _held = new(StringComparer.Ordinal);

    /// <summary>The user (null when there is none), at most <see cref="AuthOptions.UserRefreshInterval"/> old.</summary>
    public async Task<StoredUser?> FindAsync(string username, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        if (_held.TryGetValue(username, out var held) && now - held.ReadAt < options.Value.UserRefreshInterval)
        {
            return held.User;
        }

        try
        {
            var user = await store.FindAsync(username, cancellationToken);
            _held[username] = new Held(user, now);
            return user;
        }
        catch (Exception ex) when (ex is not OperationCanceledException && held is not null)
        {
            // ClickHouse does not answer: keep judging sessions by what was read last rather than fail every request.
            LogReadFailed(ex, LogText.Escape(username));
            return held.User;
        }
    }

    /// <summary>Raised when this node has changed a user (disabled, new password, new role…): their open hub connections are checked at once.</summary>
    public event EventHandler? Changed;

    /// <summary>Forgets what this node holds of a user it has just changed, so the change applies here at once.</summary>
    public void Forget(string username)
    {
        _held.TryRemove(username, out _);
        Changed?.Invoke(this, EventArgs.Empty);
    }

    private sealed record Held(StoredUser? User, DateTimeOffset ReadAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read user {Username} from ClickHouse; sessions are checked against what was read before")]
    private partial void LogReadFailed(Exception exception, string username);
}
