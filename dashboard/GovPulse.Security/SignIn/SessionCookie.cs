using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using GovPulse.Storage.ClickHouse;

namespace GovPulse.Security.SignIn;

/// <summary>The session of a signed-in person: an encrypted, HttpOnly, SameSite=Strict cookie holding who they are.</summary>
public static class SessionCookie
{
    /// <summary>The authentication scheme of sessions.</summary>
    public const string Scheme = "Session";

    public const string CookieName = "GovPulse.Session";

    /// <summary>
    /// The scheme every request is authenticated with: the API key when the request sends
    /// <c>X-Api-Key</c> (a key is never mixed with a session), else the session cookie.
    /// </summary>
    public const string CallerScheme = "Caller";

    /// <summary>
    /// The session's own id, new at every sign-in: signing out lists it (<see cref="RevokedSessions"/>),
    /// and every node refuses a ticket that carries a listed id, or none.
    /// </summary>
    public const string SessionIdClaim = "govpulse:session";

    /// <summary>Who <paramref name="user"/> is, as a new session holds it: name, role, unit, the user's version when signing in, and a new session id.</summary>
    public static ClaimsPrincipal PrincipalOf(StoredUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        List<Claim> claims =
        [
            new(SessionIdClaim, NewSessionId()),
            new(ClaimTypes.Name, user.Username),
            new(ClaimTypes.Role, user.Role),
            new(PersonClaims.UserVersion, user.Version.ToString(CultureInfo.InvariantCulture)),
        ];
        if (user.UnitCode is { } unit)
        {
            claims.Add(new Claim(PersonClaims.Unit, unit));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme, ClaimTypes.Name, ClaimTypes.Role));
    }

    /// <summary>The session id of a session's principal; null for an API key or a ticket made before sessions had ids.</summary>
    public static string? SessionIdOf(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return principal.Identity?.AuthenticationType == Scheme ? principal.FindFirst(SessionIdClaim)?.Value : null;
    }

    /// <summary>128 random bits, hex: the id names a session in the revocation list, so it must not be guessable.</summary>
    private static string NewSessionId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>Whether a session made from <paramref name="principal"/> is still good for <paramref name="user"/> as stored now.</summary>
    public static bool IsCurrent(ClaimsPrincipal principal, StoredUser? user)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return user is { Disabled: false }
            && principal.FindFirst(PersonClaims.UserVersion)?.Value == user.Version.ToString(CultureInfo.InvariantCulture);
    }
}
