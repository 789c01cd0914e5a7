using System.Security.Claims;
using GovPulse.Security.Keys;
using GovPulse.Security.SignIn;
using GovPulse.Security.Users;

namespace GovPulse.Security.Access;

/// <summary>
/// Whether what a caller signed in with still holds: an API key not revoked, a session not signed
/// out, of a user neither disabled nor changed since. Asked of an open hub connection at each call
/// and whenever keys, sign-outs or users change (<see cref="HubCallers"/>), since a connection is
/// authenticated once, when it opens.
/// </summary>
public sealed class CallerStanding(ApiKeys keys, RevokedSessions revoked, UserDirectory users)
{
    /// <summary>Why the caller's sign-in no longer holds, for them to read; null while it holds.</summary>
    public async ValueTask<string?> EndedAsync(ClaimsPrincipal? user, CancellationToken cancellationToken = default)
    {
        switch (user?.Identity)
        {
            case { IsAuthenticated: true, AuthenticationType: ApiKeyAuthenticationHandler.SchemeName }:
                return user.FindFirst(ApiKeyAuthenticationHandler.KeyIdClaim)?.Value is { } keyId && keys.IsActive(keyId)
                    ? null
                    : "This API key has been revoked.";
            case { IsAuthenticated: true, AuthenticationType: SessionCookie.Scheme, Name: { } username }:
                if (SessionCookie.SessionIdOf(user) is not { } sessionId || revoked.IsRevoked(sessionId))
                {
                    return "This session has been signed out; sign in again.";
                }

                return SessionCookie.IsCurrent(user, await users.FindAsync(username, cancellationToken))
                    ? null
                    : "This session has ended (the account was disabled or changed); sign in again.";
            default:
                return "Sign in first, or send an API key.";
        }
    }

    /// <summary>Who the caller is, for the log: the key id or the username (never a secret).</summary>
    public static string Describe(ClaimsPrincipal? user) => user?.Identity switch
    {
        { AuthenticationType: ApiKeyAuthenticationHandler.SchemeName } => "key " + (user.FindFirst(ApiKeyAuthenticationHandler.KeyIdClaim)?.Value ?? "?"),
        { AuthenticationType: SessionCookie.Scheme, Name: { } name } => "user " + name,
        _ => "an anonymous caller",
    };
}
