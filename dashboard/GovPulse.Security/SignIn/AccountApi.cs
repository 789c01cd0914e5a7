using System.Globalization;
using System.Text.Json;
using GovPulse.Indicators.Periods;
using GovPulse.Security.Access;
using GovPulse.Security.Audit;
using GovPulse.Security.Users;
using GovPulse.Storage.ClickHouse;
using GovPulse.Storage.Logging;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace GovPulse.Security.SignIn;

/// <summary>
/// <c>/api/v1/account</c>: people sign in and out with a session cookie. <c>me</c> says who is
/// signed in; <c>antiforgery</c> hands out the token that <c>login</c>, <c>logout</c> and every other
/// state-changing request of a signed-in person must carry in its header.
/// </summary>
public static partial class AccountApi
{
    public static RouteGroupBuilder MapAccountApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var account = api.MapGroup("/account").WithTags("Account");
        account.MapGet("/me", Me).RequireAuthorization(AccessPolicies.Person)
            .WithName("GetSignedInPerson").WithSummary("The signed-in person: username, display name, role and unit");
        account.MapGet("/antiforgery", Antiforgery).AllowAnonymous()
            .WithName("GetAntiforgeryToken").WithSummary("An anti-forgery token and the header to send it in with state-changing requests");
        account.MapPost("/login", Login).AllowAnonymous().RequireRateLimiting(SignInRateLimit.PolicyName).Accepts<SignInRequest>("application/json")
            .Audited()
            .WithName("SignIn").WithSummary("Signs a person in with username and password; sets the session cookie");
        account.MapPost("/logout", Logout).AllowAnonymous().Audited()
            .WithName("SignOut").WithSummary("Signs the person out and ends the session on every node");
        return api;
    }

    private static async Task<Results<Ok<Person>, ProblemHttpResult>> Me(HttpContext http, UserDirectory users, CancellationToken cancellationToken) =>
        http.User.Identity?.Name is { } name && await users.FindAsync(name, cancellationToken) is { Disabled: false } user
            ? TypedResults.Ok(Person.Of(user))
            : TypedResults.Problem("Sign in first (POST /api/v1/account/login).", statusCode: StatusCodes.Status401Unauthorized, title: "Sign in first");

    private static Ok<AntiforgeryToken> Antiforgery(HttpContext http, IAntiforgery antiforgery)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(new AntiforgeryToken(tokens.RequestToken!, tokens.HeaderName!));
    }

    private static async Task<Results<Ok<Person>, ProblemHttpResult>> Login(
        HttpContext http, IAntiforgery antiforgery, IUserStore store, UserDirectory users, IGrainFactory grains, TimeProvider time, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (await AntiforgeryCheck.ProblemAsync(http, antiforgery) is { } forged)
        {
            return forged;
        }

        SignInRequest? request;
        try
        {
            request = await http.Request.ReadFromJsonAsync<SignInRequest>(cancellationToken);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            request = null;
        }

        if (string.IsNullOrWhiteSpace(request?.Username) || string.IsNullOrEmpty(request.Password))
        {
            return TypedResults.Problem(
                "The body must be JSON with a username and a password: {\"username\": \"…\", \"password\": \"…\"}.",
                statusCode: StatusCodes.Status400BadRequest,
                title: "The sign-in request is not valid");
        }

        var logger = loggers.CreateLogger(typeof(AccountApi).FullName!);
        var username = UserRules.Normalise(request.Username);
        var address = Address(http);
        var guard = SignInGuard.Of(grains, username);
        if (await guard.Check(address) is { Kind: not SignInVerdictKind.Open } refused)
        {
            NameTried(http, UserRules.IsUsername(username) && await users.FindAsync(username, cancellationToken) is not null ? username : null);
            return Refused(http, refused, time);
        }

        // Read afresh, not from the cache: a password set a moment ago on another node must work.
        var user = UserRules.IsUsername(username) ? await store.FindAsync(username, cancellationToken) : null;
        NameTried(http, user?.Username);
        if (!Passwords.Verify(user, request.Password, out var rehash))
        {
            var next = await guard.Failed(address);
            // An unknown username is not logged: it is often a password typed into the wrong field.
            LogFailed(logger, user is null ? "(unknown username)" : LogText.Escape(username), address, next.Kind == SignInVerdictKind.Locked);
            if (next.Kind == SignInVerdictKind.Locked)
            {
                return Refused(http, next, time);
            }

            if (next is { Kind: SignInVerdictKind.Wait, Until: { } waitUntil })
            {
                SetRetryAfter(http, waitUntil, time); // the next attempt from here must wait: say so now
            }

            return TypedResults.Problem("Wrong username or password.", statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed");
        }

        if (user!.Disabled)
        {
            LogDisabled(logger, LogText.Escape(username), address);
            return TypedResults.Problem(
                "This account is disabled; ask an administrator to enable it.", statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed");
        }

        await guard.Succeeded(address);
        if (rehash)
        {
            // The hash was made with older settings: store one with today's (a new version, so sign in after it).
            var hash = Passwords.Hash(request.Password);
            user = await store.UpdateAsync(username, u => u with { PasswordHash = hash }, time.GetUtcNow(), CancellationToken.None) ?? user;
            users.Forget(username);
        }

        await http.SignInAsync(SessionCookie.Scheme, SessionCookie.PrincipalOf(user), new AuthenticationProperties { IsPersistent = true });
        AuditedCaller.Name(http, user.Username, user.Role);
        LogSignedIn(logger, LogText.Escape(username), user.Role, address);
        return TypedResults.Ok(Person.Of(user));
    }

    /// <summary>
    /// Ends the session on the server, not only in this browser: its id is listed as signed out on
    /// every node (<see cref="RevokedSessionRefresh"/>), so a copy of the cookie is refused too, and
    /// its open hub connections close. Answers 204 even without a session (nothing to end).
    /// </summary>
    private static async Task<Results<NoContent, ProblemHttpResult>> Logout(
        HttpContext http, IAntiforgery antiforgery, RevokedSessionRefresh sessions, ILoggerFactory loggers)
    {
        if (await AntiforgeryCheck.ProblemAsync(http, antiforgery) is { } forged)
        {
            return forged;
        }

        var logger = loggers.CreateLogger(typeof(AccountApi).FullName!);
        var session = await http.AuthenticateAsync(SessionCookie.Scheme);
        await http.SignOutAsync(SessionCookie.Scheme);
        if (session.Principal is not { Identity.Name: { } username } principal || SessionCookie.SessionIdOf(principal) is not { } sessionId)
        {
            return TypedResults.NoContent();
        }

        try
        {
            await sessions.SignOutAsync(sessionId, session.Properties?.ExpiresUtc, CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // This node refuses the session already; the others would not: say so rather than pretend.
            LogSignOutNotStored(logger, ex, LogText.Escape(username));
            return TypedResults.Problem(
                "Signed out on this server, but the sign-out could not be stored for the other servers; sign out again in a moment.",
                statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "Sign-out not stored");
        }

        LogSignedOut(logger, LogText.Escape(username));
        return TypedResults.NoContent();
    }

    /// <summary>
    /// A wait: 429 with <c>Retry-After</c>. A lock: 423 with when it ends, in Vietnam time, and
    /// <c>Retry-After</c>. Both are for this username from this address only.
    /// </summary>
    private static ProblemHttpResult Refused(HttpContext http, SignInVerdict verdict, TimeProvider time)
    {
        var until = verdict.Until ?? time.GetUtcNow();
        var seconds = SetRetryAfter(http, until, time);
        if (verdict.Kind == SignInVerdictKind.Wait)
        {
            return TypedResults.Problem(
                $"Too many wrong passwords for this username from this address: wait {seconds} s before the next attempt.",
                statusCode: StatusCodes.Status429TooManyRequests,
                title: "Sign-in slowed down",
                extensions: new Dictionary<string, object?> { ["retryAfter"] = seconds });
        }

        var local = VietnamTime.ToLocal(until);
        return TypedResults.Problem(
            $"Too many wrong passwords: sign-in for this username from this address is locked until {local.ToString("HH:mm", CultureInfo.InvariantCulture)} " +
            $"({local.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)}, Vietnam time). Try again then, or ask an administrator to set a new password.",
            statusCode: StatusCodes.Status423Locked,
            title: "Sign-in locked",
            extensions: new Dictionary<string, object?> { ["lockedUntil"] = local });
    }

    private static int SetRetryAfter(HttpContext http, DateTimeOffset until, TimeProvider time)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling((until - time.GetUtcNow()).TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return seconds;
    }

    /// <summary>
    /// The audit log's caller of a sign-in that did not succeed: the username when someone has it, else
    /// <see cref="AuditedCaller.UnknownUsername"/> (an unknown name is often a password typed into the wrong field).
    /// </summary>
    private static void NameTried(HttpContext http, string? knownUsername) =>
        AuditedCaller.Name(http, knownUsername ?? AuditedCaller.UnknownUsername, AuditedCaller.Anonymous);

    private static string Address(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    [LoggerMessage(Level = LogLevel.Information, Message = "{Username} ({Role}) signed in from {Address}")]
    private static partial void LogSignedIn(ILogger logger, string username, string role, string address);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Wrong password for {Username} from {Address}; locked now: {Locked}")]
    private static partial void LogFailed(ILogger logger, string username, string address, bool locked);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Disabled user {Username} tried to sign in from {Address}")]
    private static partial void LogDisabled(ILogger logger, string username, string address);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Username} signed out")]
    private static partial void LogSignedOut(ILogger logger, string username);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Username} signed out, but the sign-out could not be stored in ClickHouse: other nodes still accept the session")]
    private static partial void LogSignOutNotStored(ILogger logger, Exception exception, string username);
}

/// <summary>A sign-in. Prints without its password.</summary>
public sealed record SignInRequest(string? Username, string? Password)
{
    public override string ToString() => $"SignInRequest {{ Username = {Username} }}";
}

/// <summary>The signed-in person (<c>/me</c> and a successful <c>/login</c>).</summary>
/// <param name="Role"><c>leader</c>, <c>departmentHead</c>, <c>auditor</c> or <c>admin</c>.</param>
/// <param name="UnitCode">A department head's unit; null for the other roles.</param>
public sealed record Person(string Username, string DisplayName, string Role, string? UnitCode)
{
    public static Person Of(StoredUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new(user.Username, user.DisplayName, user.Role, user.UnitCode);
    }
}

/// <summary>The anti-forgery token and the header to send it in.</summary>
public sealed record AntiforgeryToken(string Token, string HeaderName);
