using System.Collections.Concurrent;
using GovPulse.Storage.ClickHouse;

namespace GovPulse.Security.SignIn;

/// <summary>
/// The sessions signed out before their tickets expired, as this node knows them: its own sign-outs
/// at once, every node's as last read from ClickHouse (<see cref="RevokedSessionRefresh"/>). A
/// revocation is never undone, so what is read is added to what is held; an entry is dropped once
/// its ticket would have expired anyway, so the set holds at most one session lifetime of sign-outs.
/// </summary>
public sealed class RevokedSessions(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _expiresAt = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _firstLoad = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Raised when a session this node did not hold as revoked is added (open hub connections of it must end).</summary>
    public event EventHandler? Added;

    /// <summary>Done once the stored sign-outs have been read (or the first attempt failed), so a node that just started does not accept a signed-out cookie.</summary>
    public Task FirstLoad => _firstLoad.Task;

    /// <summary>How many sign-outs are held.</summary>
    public int Count => _expiresAt.Count;

    public bool IsRevoked(string sessionId) => _expiresAt.ContainsKey(sessionId);

    /// <summary>Adds one sign-out (this node's own, before or after it is stored).</summary>
    public void Add(RevokedSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (_expiresAt.TryAdd(session.Id, session.ExpiresAt))
        {
            Added?.Invoke(this, EventArgs.Empty);
        }
    }

    /// <summary>Adds the sign-outs read from ClickHouse and drops those whose tickets have expired.</summary>
    public void Merge(IEnumerable<RevokedSession> stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var added = false;
        foreach (var session in stored)
        {
            added |= _expiresAt.TryAdd(session.Id, session.ExpiresAt);
        }

        var now = time.GetUtcNow();
        foreach (var (id, expiresAt) in _expiresAt)
        {
            if (expiresAt <= now)
            {
                _expiresAt.TryRemove(id, out _);
            }
        }

        _firstLoad.TrySetResult();
        if (added)
        {
            Added?.Invoke(this, EventArgs.Empty);
        }
    }

    /// <summary>Marks the first load as attempted when it failed: requests stop waiting for it and are judged by this node's own sign-outs until a load succeeds.</summary>
    public void FirstLoadFailed() => _firstLoad.TrySetResult();
}
