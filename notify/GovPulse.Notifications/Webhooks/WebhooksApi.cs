using System.Text.Json;
using GovPulse.Indicators.Periods;
using GovPulse.Security.Users;
using GovPulse.Storage.Logging;
using GovPulse.Security;
using GovPulse.Security.Audit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GovPulse.Notifications.Webhooks;

/// <summary>
/// <c>/api/v1/admin/webhooks</c> (admin only): register, list and remove webhooks, read the dead
/// letters and replay one. A webhook's signing secret is shown once, in the answer to its creation;
/// it is stored encrypted and no list, log line or error contains it.
/// </summary>
public static partial class WebhooksApi
{
    private const int MaxDescriptionLength = 200;
    private const int MaxDeadLetters = 1_000;
    private const string Example = "{\"url\": \"https://bridge.example.gov.vn/govpulse\", \"kinds\": [\"alertStarted\", \"alertCleared\"], \"description\": \"Zalo OA of the city office\"}";

    /// <param name="api">The <c>/api/v1</c> group.</param>
    public static IEndpointRouteBuilder MapWebhooksEndpoints(this IEndpointRouteBuilder api, string adminPolicy)
    {
        var hooks = api.MapGroup("/admin/webhooks").RequireAuthorization(adminPolicy).Audited().WithTags("Webhooks (admin)");
        hooks.MapPost("/", Create).Accepts<NewWebhookRequest>("application/json")
            .WithName("CreateWebhook").WithSummary("Register a webhook; its signing secret is in this answer only (admins)");
        hooks.MapGet("/", List).WithName("ListWebhooks").WithSummary("The registered webhooks, without secrets (admins)");
        hooks.MapDelete("/{id}", Remove).WithName("RemoveWebhook").WithSummary("Remove a webhook: nothing more is sent to it (admins)");
        hooks.MapGet("/dead-letters", DeadLetters).WithName("ListWebhookDeadLetters")
            .WithSummary("Messages a webhook never took after every retry, newest first (admins)");
        hooks.MapPost("/dead-letters/{id}/replay", Replay).WithName("ReplayWebhookDeadLetter")
            .WithSummary("Put a dead letter back into its webhook's outbox (admins)");
        return api;
    }

    private static async Task<Results<Created<NewWebhook>, ProblemHttpResult>> Create(
        HttpContext http,
        WebhookStore store,
        WebhookSecrets secrets,
        IOptions<WebhookOptions> options,
        TimeProvider time,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        NewWebhookRequest? request;
        try
        {
            request = await http.Request.ReadFromJsonAsync<NewWebhookRequest>(cancellationToken);
        }
        catch (JsonException)
        {
            return Invalid($"The body is not a webhook request; expected {Example}");
        }
        catch (InvalidOperationException)
        {
            return Invalid($"The body must be JSON (Content-Type: application/json); expected {Example}");
        }

        var problems = Check(request, options.Value.AllowLoopback, out var url, out var kinds, out var description);
        if (problems.Count > 0)
        {
            return Invalid(string.Join("; ", problems));
        }

        var secret = WebhookSecrets.New();
        var now = DateTimeOffset.FromUnixTimeMilliseconds(time.GetUtcNow().ToUnixTimeMilliseconds()); // as stored
        var webhook = new Webhook("wh_" + Guid.NewGuid().ToString("N")[..16], url, kinds, description, secrets.Protect(secret), now, null, false, now, 1);
        await store.SaveAsync(webhook, CancellationToken.None);
        LogCreated(Logger(loggers), webhook.Id, webhook.Origin, kinds.Count == 0 ? "every kind" : string.Join(", ", kinds), Actor(http));
        return TypedResults.Created(
            $"{http.Request.PathBase}/api/v1/admin/webhooks/{webhook.Id}",
            new NewWebhook(webhook.Id, url.AbsoluteUri, kinds, description, VietnamTime.ToLocal(now), secret));
    }

    private static async Task<Ok<IReadOnlyList<WebhookView>>> List(WebhookStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok<IReadOnlyList<WebhookView>>([.. (await store.ListAsync(cancellationToken)).Select(WebhookView.Of)]);

    private static async Task<Results<NoContent, ProblemHttpResult>> Remove(
        string id, HttpContext http, WebhookStore store, TimeProvider time, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(id, cancellationToken) is not { Removed: false } webhook)
        {
            return NotFound(id);
        }

        await store.SaveAsync(webhook with { Removed = true, ChangedAt = time.GetUtcNow(), Version = webhook.Version + 1 }, CancellationToken.None);
        LogRemoved(Logger(loggers), webhook.Id, webhook.Origin, Actor(http));
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<IReadOnlyList<DeadLetterView>>, ProblemHttpResult>> DeadLetters(
        string? webhook, int? limit, WebhookDeliveryStore deliveries, CancellationToken cancellationToken)
    {
        if (limit is < 1 or > MaxDeadLetters)
        {
            return Invalid($"limit must be between 1 and {MaxDeadLetters}");
        }

        var dead = await deliveries.DeadAsync(string.IsNullOrWhiteSpace(webhook) ? null : webhook.Trim(), limit ?? 100, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<DeadLetterView>>([.. dead.Select(DeadLetterView.Of)]);
    }

    private static async Task<Results<Accepted<DeadLetterView>, ProblemHttpResult>> Replay(
        string id, HttpContext http, WebhookDeliveryStore deliveries, WebhookStore store, IGrainFactory grains, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (await deliveries.FindAsync(id, cancellationToken) is not { Status: WebhookDeliveryStatus.Dead } dead)
        {
            return TypedResults.Problem(
                $"There is no dead letter with id '{EchoedInput.Cut(id)}'; GET /api/v1/admin/webhooks/dead-letters lists them.",
                statusCode: StatusCodes.Status404NotFound,
                title: "No such dead letter");
        }

        if (await store.FindAsync(dead.WebhookId, cancellationToken) is not { IsActive: true } webhook)
        {
            return TypedResults.Problem(
                $"Webhook {dead.WebhookId} was removed or disabled (it answered 410 Gone), so nothing is sent to it; register the receiver again to get new messages.",
                statusCode: StatusCodes.Status409Conflict,
                title: "The webhook takes no messages");
        }

        if (!await grains.GetGrain<IWebhookDeliveryGrain>(webhook.Id).ReplayAsync(dead.NoticeId))
        {
            return TypedResults.Problem("The message is no longer a dead letter (it was replayed already).", statusCode: StatusCodes.Status409Conflict, title: "Already replayed");
        }

        LogReplayed(Logger(loggers), dead.DeliveryId, webhook.Id, webhook.Origin, Actor(http));
        return TypedResults.Accepted($"{http.Request.PathBase}/api/v1/admin/webhooks/dead-letters?webhook={webhook.Id}", DeadLetterView.Of(dead));
    }

    /// <summary>The request's problems, each a sentence naming the field; empty when it is valid.</summary>
    private static List<string> Check(
        NewWebhookRequest? request, bool allowLoopback, out Uri url, out IReadOnlyList<string> kinds, out string description)
    {
        var problems = new List<string>();
        if (WebhookUrl.ProblemWith(request?.Url, allowLoopback, out url) is { } urlProblem)
        {
            problems.Add(urlProblem);
        }

        var chosen = new List<string>();
        var given = request?.Kinds ?? [];
        for (var i = 0; i < given.Count; i++)
        {
            if (!WebhookKinds.TryParse(given[i], out var kind))
            {
                problems.Add($"kinds[{i}] '{EchoedInput.Cut(given[i] ?? string.Empty)}' is not a notice kind; expected some of {string.Join(", ", WebhookKinds.All)} (or none for every kind)");
            }
            else if (!chosen.Contains(kind))
            {
                chosen.Add(kind);
            }
        }

        // Every kind chosen one by one is every kind: stored as none, so kinds added later reach it too.
        kinds = chosen.Count == WebhookKinds.All.Count ? [] : chosen;
        description = request?.Description?.Trim() ?? string.Empty;
        if (description.Length > MaxDescriptionLength)
        {
            problems.Add($"description is {description.Length} characters long; at most {MaxDescriptionLength} are allowed");
        }
        else if (description.Length > 0 && VisibleText.ProblemWith("description", description) is { } invisible)
        {
            problems.Add(invisible);
        }

        return problems;
    }

    private static string Actor(HttpContext http) => LogText.Escape(http.User.Identity?.Name ?? "unknown");


    private static ProblemHttpResult Invalid(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "The webhook request is not valid");

    private static ProblemHttpResult NotFound(string id) =>
        TypedResults.Problem(
            $"There is no webhook with id '{EchoedInput.Cut(id)}'; GET /api/v1/admin/webhooks lists them.", statusCode: StatusCodes.Status404NotFound, title: "No such webhook");

    private static ILogger Logger(ILoggerFactory loggers) => loggers.CreateLogger(typeof(WebhooksApi).FullName!);

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook {WebhookId} ({Origin}) registered for {Kinds} by {Actor}")]
    private static partial void LogCreated(ILogger logger, string webhookId, string origin, string kinds, string actor);

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook {WebhookId} ({Origin}) removed by {Actor}")]
    private static partial void LogRemoved(ILogger logger, string webhookId, string origin, string actor);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dead letter {DeliveryId} of webhook {WebhookId} ({Origin}) replayed by {Actor}")]
    private static partial void LogReplayed(ILogger logger, string deliveryId, string webhookId, string origin, string actor);
}
