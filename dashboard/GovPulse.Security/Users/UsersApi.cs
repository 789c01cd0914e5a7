using System.Text.Json;
using GovPulse.Indicators.Units;
using GovPulse.Security.SignIn;
using GovPulse.Storage.ClickHouse;
using GovPulse.Storage.Logging;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace GovPulse.Security.Users;

/// <summary>
/// <c>/api/v1/admin/users</c>: create, list, disable and enable people who sign in, and set their
/// passwords (admin only). Passwords are checked against the policy, stored as a PBKDF2 hash and never
/// shown, logged or returned. Changes are logged with the admin who made them.
/// </summary>
public static partial class UsersApi
{
    private const string Example =
        "{\"username\": \"nguyen.van.an\", \"displayName\": \"Nguyễn Văn An\", \"role\": \"departmentHead\", \"unitCode\": \"so-tu-phap\", \"password\": \"…at least 12 characters…\"}";

    /// <param name="admin">The <c>/api/v1/admin</c> group.</param>
    /// <param name="adminPolicy">The authorization policy of the admin role.</param>
    public static RouteGroupBuilder MapUsersApi(this RouteGroupBuilder admin, string adminPolicy)
    {
        ArgumentNullException.ThrowIfNull(admin);
        var users = admin.MapGroup("/users").RequireAuthorization(adminPolicy).WithTags("Users (admin)");
        users.MapPost("/", Create).Accepts<NewUserRequest>("application/json")
            .WithName("CreateUser").WithSummary("Creates a person with a role (and a unit for a department head) and a first password (admins)");
        users.MapGet("/", List)
            .WithName("ListUsers").WithSummary("The people who may sign in, with role, unit and state (admins)");
        users.MapGet("/{username}", Get)
            .WithName("GetUser").WithSummary("One person (admins)");
        users.MapPost("/{username}/disable", Disable)
            .WithName("DisableUser").WithSummary("Stops a person signing in and ends their sessions (admins)");
        users.MapPost("/{username}/enable", Enable)
            .WithName("EnableUser").WithSummary("Lets a disabled person sign in again (admins)");
        users.MapPost("/{username}/password", SetPassword).Accepts<NewPasswordRequest>("application/json")
            .WithName("SetUserPassword").WithSummary("Gives a person a new password and ends their sessions (admins)");
        return admin;
    }

    private static async Task<Results<Created<UserView>, ProblemHttpResult>> Create(
        HttpContext http, IUserStore store, UserDirectory directory, UnitDirectory units, TimeProvider time, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var (request, unreadable) = await ReadAsync<NewUserRequest>(http, cancellationToken);
        if (unreadable is not null)
        {
            return Invalid(unreadable);
        }

        var problems = UserRules.Check(request, units, out var username, out var displayName, out var role, out var unitCode);
        if (problems.Count > 0)
        {
            return Invalid(string.Join("; ", problems));
        }

        var now = time.GetUtcNow();
        var user = new StoredUser(username, displayName, role, unitCode, Passwords.Hash(request!.Password!), Disabled: false, now, now);
        if (!await store.AddAsync(user, CancellationToken.None))
        {
            return TypedResults.Problem(
                $"username '{username}' is taken; choose another (GET /api/v1/admin/users lists the users)",
                statusCode: StatusCodes.Status409Conflict,
                title: "The username is taken");
        }

        directory.Forget(username);
        var stored = await store.FindAsync(username, CancellationToken.None) ?? user;
        LogCreated(Logger(loggers), LogText.Escape(username), role, LogText.Escape(unitCode ?? "-"), Actor(http));
        return TypedResults.Created($"{http.Request.PathBase}/api/v1/admin/users/{username}", UserView.Of(stored));
    }

    private static async Task<Ok<IReadOnlyList<UserView>>> List(IUserStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok<IReadOnlyList<UserView>>([.. (await store.ListAsync(cancellationToken)).Select(UserView.Of)]);

    private static async Task<Results<Ok<UserView>, ProblemHttpResult>> Get(string username, IUserStore store, CancellationToken cancellationToken) =>
        await store.FindAsync(UserRules.Normalise(username), cancellationToken) is { } user ? TypedResults.Ok(UserView.Of(user)) : NotFound(username);

    private static Task<Results<NoContent, ProblemHttpResult>> Disable(
        string username, HttpContext http, IUserStore store, UserDirectory directory, IGrainFactory grains, TimeProvider time, ILoggerFactory loggers) =>
        ChangeAsync(username, u => u with { Disabled = true }, "disabled", resetLock: false, http, store, directory, grains, time, loggers);

    private static Task<Results<NoContent, ProblemHttpResult>> Enable(
        string username, HttpContext http, IUserStore store, UserDirectory directory, IGrainFactory grains, TimeProvider time, ILoggerFactory loggers) =>
        ChangeAsync(username, u => u with { Disabled = false }, "enabled", resetLock: true, http, store, directory, grains, time, loggers);

    private static async Task<Results<NoContent, ProblemHttpResult>> SetPassword(
        string username, HttpContext http, IUserStore store, UserDirectory directory, IGrainFactory grains, TimeProvider time, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var (request, unreadable) = await ReadAsync<NewPasswordRequest>(http, cancellationToken);
        if (unreadable is not null)
        {
            return Invalid(unreadable);
        }

        var name = UserRules.Normalise(username);
        var displayName = UserRules.IsUsername(name) ? (await store.FindAsync(name, cancellationToken))?.DisplayName : null;
        if (Passwords.ProblemWith(request?.Password, name, displayName) is { } problem)
        {
            return Invalid(problem);
        }

        var hash = Passwords.Hash(request!.Password!);
        return await ChangeAsync(username, u => u with { PasswordHash = hash }, "given a new password", resetLock: true, http, store, directory, grains, time, loggers);
    }

    /// <summary>Stores a change of the user (a new version, which ends the user's sessions), then applies it on this node at once.</summary>
    private static async Task<Results<NoContent, ProblemHttpResult>> ChangeAsync(
        string username, Func<StoredUser, StoredUser> change, string what, bool resetLock,
        HttpContext http, IUserStore store, UserDirectory directory, IGrainFactory grains, TimeProvider time, ILoggerFactory loggers)
    {
        var name = UserRules.Normalise(username);
        var changed = await store.UpdateAsync(name, change, time.GetUtcNow(), CancellationToken.None);
        if (changed is null)
        {
            return NotFound(username);
        }

        directory.Forget(name);
        if (resetLock)
        {
            await SignInGuard.Of(grains, name).Reset();
        }

        LogChanged(Logger(loggers), LogText.Escape(name), what, Actor(http));
        return TypedResults.NoContent();
    }

    /// <summary>The body as <typeparamref name="T"/>, or why it cannot be read (without .NET type names).</summary>
    private static async Task<(T? Request, string? Problem)> ReadAsync<T>(HttpContext http, CancellationToken cancellationToken)
    {
        try
        {
            return (await http.Request.ReadFromJsonAsync<T>(cancellationToken), null);
        }
        catch (JsonException ex)
        {
            var problem = ex.Message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal) && ex.Path is { Length: > 2 } path
                ? $"{path[2..]} has the wrong type (every field is text)"
                : $"The body is not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1})";
            return (default, $"{problem}; expected {Example}");
        }
        catch (InvalidOperationException)
        {
            return (default, $"The body must be JSON (Content-Type: application/json); expected {Example}");
        }
    }

    /// <summary>Who made the change: the admin's username, or the key's id (<c>bootstrap</c>).</summary>
    private static string Actor(HttpContext http) => LogText.Escape(http.User.Identity?.Name ?? "unknown");

    private static ProblemHttpResult Invalid(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "The user request is not valid");

    private static ProblemHttpResult NotFound(string username) =>
        TypedResults.Problem(
            $"There is no user '{(username.Length <= 64 ? username : username[..64] + "…")}'; GET /api/v1/admin/users lists them.",
            statusCode: StatusCodes.Status404NotFound,
            title: "No such user");

    private static ILogger Logger(ILoggerFactory loggers) => loggers.CreateLogger(typeof(UsersApi).FullName!);

    [LoggerMessage(Level = LogLevel.Information, Message = "User {Username} ({Role}, unit {UnitCode}) created by {Actor}")]
    private static partial void LogCreated(ILogger logger, string username, string role, string unitCode, string actor);

    [LoggerMessage(Level = LogLevel.Information, Message = "User {Username} {Change} by {Actor}")]
    private static partial void LogChanged(ILogger logger, string username, string change, string actor);
}
