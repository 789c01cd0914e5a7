using System.Text.Json;
using GovPulse.Indicators.Periods;
using GovPulse.Indicators.Units;
using GovPulse.Security.Users;
using GovPulse.Storage.ClickHouse;
using GovPulse.Storage.Logging;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GovPulse.Security.Keys;

/// <summary>
/// <c>/api/v1/admin/keys</c>: create, list and revoke ingest keys (admin only). A new key is shown
/// once, in the answer to its creation; only its SHA-256 is stored, and no list, log line or error
/// ever contains it.
/// </summary>
public static partial class KeysApi
{
    private const int MaxNameLength = 200;
    private const string Example = "{\"name\": \"Phường Tân Định one-stop shop\", \"units\": [\"26737\"], \"ratePerMinute\": 600}";

    /// <param name="admin">The <c>/api/v1/admin</c> group.</param>
    /// <param name="adminPolicy">The authorization policy of the admin role.</param>
    public static RouteGroupBuilder MapKeysApi(this RouteGroupBuilder admin, string adminPolicy)
    {
        ArgumentNullException.ThrowIfNull(admin);
        var keys = admin.MapGroup("/keys").RequireAuthorization(adminPolicy);
        keys.MapPost("/", Create).DisableAntiforgery()
            .WithName("CreateApiKey").WithSummary("Makes an API key for some units or every unit; the key is in this answer only (admins)").WithTags("Admin");
        keys.MapGet("/", List)
            .WithName("ListApiKeys").WithSummary("The API keys, without their secrets (admins)").WithTags("Admin");
        keys.MapGet("/{id}", Get)
            .WithName("GetApiKey").WithSummary("One API key, without its secret (admins)").WithTags("Admin");
        keys.MapDelete("/{id}", Revoke)
            .WithName("RevokeApiKey").WithSummary("Revokes an API key on every node (admins)").WithTags("Admin");
        return admin;
    }

    private static async Task<Results<Created<NewKey>, ProblemHttpResult>> Create(
        HttpContext http,
        IApiKeyStore store,
        ApiKeyRefresh refresh,
        UnitDirectory directory,
        IOptions<ApiKeyOptions> options,
        TimeProvider time,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        NewKeyRequest? request;
        try
        {
            request = await http.Request.ReadFromJsonAsync<NewKeyRequest>(cancellationToken);
        }
        catch (JsonException ex)
        {
            return Invalid($"{Unreadable(ex)}; expected {Example}");
        }
        catch (InvalidOperationException)
        {
            return Invalid($"The body must be JSON (Content-Type: application/json); expected {Example}");
        }

        var problems = Check(request, directory, options.Value.DefaultRatePerMinute, out var name, out var units, out var rate);
        if (problems.Count > 0)
        {
            return Invalid(string.Join("; ", problems));
        }

        var id = ApiKeys.NewId();
        while (await store.FindAsync(id, cancellationToken) is not null)
        {
            id = ApiKeys.NewId(); // 2^32 ids: a clash is rare, but a key must never take another's id
        }

        var secret = ApiKeys.NewKey();
        var now = DateTimeOffset.FromUnixTimeMilliseconds(time.GetUtcNow().ToUnixTimeMilliseconds()); // as stored
        var stored = new StoredApiKey(id, name, ApiKeys.HashHex(secret), units, rate, now, null);
        await store.AddAsync(stored, CancellationToken.None);
        await RefreshAsync(refresh, loggers);
        LogCreated(Logger(loggers), id, LogText.Escape(name), units.Count == 0 ? "every unit" : string.Join(", ", units), rate);
        return TypedResults.Created(
            $"{http.Request.PathBase}{http.Request.Path.Value?.TrimEnd('/')}/{id}",
            new NewKey(id, name, units, rate, VietnamTime.ToLocal(now), secret));
    }

    private static async Task<Ok<IReadOnlyList<KeyView>>> List(IApiKeyStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok<IReadOnlyList<KeyView>>([.. (await store.ListAsync(cancellationToken)).Select(KeyView.Of)]);

    private static async Task<Results<Ok<KeyView>, ProblemHttpResult>> Get(string id, IApiKeyStore store, CancellationToken cancellationToken) =>
        await store.FindAsync(id, cancellationToken) is { } key ? TypedResults.Ok(KeyView.Of(key)) : NotFound(id);

    private static async Task<Results<NoContent, ProblemHttpResult>> Revoke(
        string id, IApiKeyStore store, ApiKeyRefresh refresh, TimeProvider time, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var key = await store.RevokeAsync(id, time.GetUtcNow(), cancellationToken);
        if (key is null)
        {
            return NotFound(id);
        }

        await RefreshAsync(refresh, loggers);
        LogRevoked(Logger(loggers), key.Id, LogText.Escape(key.Name));
        return TypedResults.NoContent();
    }

    /// <summary>The request's problems, each a sentence naming the field; empty when it is valid.</summary>
    private static List<string> Check(
        NewKeyRequest? request, UnitDirectory directory, int defaultRate, out string name, out IReadOnlyList<string> units, out int rate)
    {
        var problems = new List<string>();
        name = request?.Name?.Trim() ?? string.Empty;
        if (name.Length == 0)
        {
            problems.Add("name is missing; give the key a name that says who uses it, e.g. \"Phường Tân Định one-stop shop\"");
        }
        else if (name.Length > MaxNameLength)
        {
            problems.Add($"name is {name.Length} characters long; at most {MaxNameLength} are allowed");
        }
        else if (VisibleText.ProblemWith("name", name) is { } invisible)
        {
            problems.Add(invisible);
        }

        var codes = new List<string>();
        var given = request?.Units ?? [];
        for (var i = 0; i < given.Count; i++)
        {
            var code = given[i]?.Trim();
            if (string.IsNullOrEmpty(code))
            {
                problems.Add($"units[{i}] is empty; expected a unit code such as 26737 (GET /api/v1/units lists them)");
            }
            else if (code == UnitDirectory.HoChiMinhCityCode)
            {
                problems.Add($"units[{i}] '{code}' is the city as a whole; a key for every unit has no units (omit them or send [])");
            }
            else if (!directory.Contains(code))
            {
                problems.Add($"units[{i}] '{EchoedInput.Cut(code)}' is not a known unit; GET /api/v1/units lists the codes");
            }
            else if (!codes.Contains(code))
            {
                codes.Add(code);
            }
        }

        units = codes;
        rate = request?.RatePerMinute ?? defaultRate;
        if (rate is < 1 or > ApiKeys.MaxRatePerMinute)
        {
            problems.Add($"ratePerMinute {rate} is out of range; expected a whole number of requests a minute from 1 to {ApiKeys.MaxRatePerMinute} (omit it for {defaultRate})");
        }

        return problems;
    }

    /// <summary>
    /// This node uses a key it just created or revoked at once. If ClickHouse cannot be read back now,
    /// the change is stored anyway and the periodic refresh applies it.
    /// </summary>
    private static async Task RefreshAsync(ApiKeyRefresh refresh, ILoggerFactory loggers)
    {
        try
        {
            await refresh.RefreshAsync(CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogRefreshDeferred(Logger(loggers), ex);
        }
    }

    /// <summary>What is wrong with a body that is not a key request, without .NET type names.</summary>
    private static string Unreadable(JsonException ex)
    {
        if (!ex.Message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal))
        {
            return $"The body is not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1})";
        }

        return ex.Path is { Length: > 2 } path
            ? $"{path[2..]} has the wrong type (name is text, units a list of unit codes, ratePerMinute a whole number)"
            : "The body must be one JSON object";
    }


    private static ProblemHttpResult Invalid(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "The key request is not valid");

    private static ProblemHttpResult NotFound(string id) =>
        TypedResults.Problem(
            $"There is no key with id '{EchoedInput.Cut(id)}'; GET /api/v1/admin/keys lists them.", statusCode: StatusCodes.Status404NotFound, title: "No such key");

    private static ILogger Logger(ILoggerFactory loggers) => loggers.CreateLogger(typeof(KeysApi).FullName!);

    [LoggerMessage(Level = LogLevel.Information, Message = "API key {KeyId} ({KeyName}) created for {Units}, {RatePerMinute} requests a minute")]
    private static partial void LogCreated(ILogger logger, string keyId, string keyName, string units, int ratePerMinute);

    [LoggerMessage(Level = LogLevel.Information, Message = "API key {KeyId} ({KeyName}) revoked")]
    private static partial void LogRevoked(ILogger logger, string keyId, string keyName);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The API keys could not be reloaded after a change; it is stored and takes effect at the next periodic refresh")]
    private static partial void LogRefreshDeferred(ILogger logger, Exception exception);
}

/// <summary>A key to create: who uses it, the units it may send (none = every unit), requests a minute (none = the default).</summary>
public sealed record NewKeyRequest(string? Name, IReadOnlyList<string?>? Units, int? RatePerMinute);

/// <summary>A key as listed: never the key or its hash.</summary>
public sealed record KeyView(string Id, string Name, IReadOnlyList<string> Units, int RatePerMinute, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt)
{
    public static KeyView Of(StoredApiKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new(key.Id, key.Name, key.Units, key.RatePerMinute, VietnamTime.ToLocal(key.CreatedAt), key.RevokedAt is { } at ? VietnamTime.ToLocal(at) : null);
    }
}

/// <summary>A created key, with the key itself: the only time it is shown.</summary>
public sealed record NewKey(string Id, string Name, IReadOnlyList<string> Units, int RatePerMinute, DateTimeOffset CreatedAt, string Key);
