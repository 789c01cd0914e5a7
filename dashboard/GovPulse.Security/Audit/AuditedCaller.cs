using Microsoft.AspNetCore.Http;

namespace GovPulse.Security.Audit;

/// <summary>
/// Who an audited request was for, when the endpoint knows better than the request's principal: a
/// sign-in names the username that was tried (the caller is nobody yet). Set as an
/// <see cref="HttpContext"/> feature; <see cref="AuditRecorder"/> reads it after the endpoint ran.
/// </summary>
public sealed class AuditedCaller(string user, string role)
{
    /// <summary>Recorded for a sign-in with a username nobody has: often a password typed into the wrong field, so never stored.</summary>
    public const string UnknownUsername = "(unknown username)";

    /// <summary>The role of a caller who has not signed in.</summary>
    public const string Anonymous = "anonymous";

    public string User { get; } = user;

    public string Role { get; } = role;

    /// <summary>Names the caller of this request in its audit entry.</summary>
    public static void Name(HttpContext http, string user, string role)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.Features.Set(new AuditedCaller(user, role));
    }
}
