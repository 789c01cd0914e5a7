using GovPulse.Security.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;

namespace GovPulse.Security.SignIn;

/// <summary>
/// The session cookie's behaviour for an API: 401 and 403 with a problem body instead of redirects to
/// a sign-in page (the web page shows its own sign-in screen on 401), and every request's session
/// checked against the sign-outs (<see cref="RevokedSessions"/>) and the user as stored
/// (<see cref="UserDirectory"/>): a session signed out (on any node), or of a user disabled, given a
/// new password or a new role since signing in, is refused — a copy of the cookie included.
/// </summary>
public sealed class SessionCookieEvents(UserDirectory users, RevokedSessions revoked) : CookieAuthenticationEvents
{
    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!revoked.FirstLoad.IsCompleted)
        {
            // The node has just started and not read the sign-outs yet.
            await revoked.FirstLoad.WaitAsync(context.HttpContext.RequestAborted);
        }

        var username = context.Principal?.Identity?.Name;
        var sessionId = context.Principal?.FindFirst(SessionCookie.SessionIdClaim)?.Value;
        var user = username is null || sessionId is null || revoked.IsRevoked(sessionId)
            ? null
            : await users.FindAsync(username, context.HttpContext.RequestAborted);
        if (context.Principal is null || !SessionCookie.IsCurrent(context.Principal, user))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(SessionCookie.Scheme);
        }
    }

    public override Task RedirectToLogin(RedirectContext<CookieAuthenticationOptions> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Problem(
            context.HttpContext,
            StatusCodes.Status401Unauthorized,
            "Sign in first",
            "Sign in (POST /api/v1/account/login) or send an API key (X-Api-Key).");
    }

    public override Task RedirectToAccessDenied(RedirectContext<CookieAuthenticationOptions> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Problem(context.HttpContext, StatusCodes.Status403Forbidden, "Not allowed", "This account may not do this.");
    }

    public override Task RedirectToLogout(RedirectContext<CookieAuthenticationOptions> context) => Task.CompletedTask;

    public override Task RedirectToReturnUrl(RedirectContext<CookieAuthenticationOptions> context) => Task.CompletedTask;

    private static Task Problem(HttpContext http, int status, string title, string detail) =>
        http.Response.HasStarted
            ? Task.CompletedTask
            : TypedResults.Problem(detail, statusCode: status, title: title).ExecuteAsync(http);
}
