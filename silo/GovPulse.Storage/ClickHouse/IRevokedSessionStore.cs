namespace GovPulse.Storage.ClickHouse;

/// <summary>
/// The <c>revoked_sessions</c> table: the ids of sessions signed out before their ticket expired,
/// so every node sharing the database refuses a copy of the cookie.
/// </summary>
public interface IRevokedSessionStore
{
    /// <summary>Stores a sign-out. Storing the same session again changes nothing that matters.</summary>
    Task AddAsync(RevokedSession session, CancellationToken cancellationToken = default);

    /// <summary>The sessions revoked whose tickets have not expired at <paramref name="now"/>, one row per session.</summary>
    Task<IReadOnlyList<RevokedSession>> ListAsync(DateTimeOffset now, CancellationToken cancellationToken = default);
}

/// <summary>A signed-out session.</summary>
/// <param name="Id">The session id its ticket carries (random, not secret on its own: the ticket is encrypted).</param>
/// <param name="RevokedAt">When it was signed out.</param>
/// <param name="ExpiresAt">When its ticket expires anyway; the row is not needed after it.</param>
public sealed record RevokedSession(string Id, DateTimeOffset RevokedAt, DateTimeOffset ExpiresAt);
