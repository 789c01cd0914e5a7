using GovPulse.Ingest.Pipeline;
using GovPulse.Ingest.Security;
using GovPulse.Security.Keys;
using GovPulse.Ingest.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace GovPulse.Ingest.Api;

/// <summary><c>POST /api/v1/events</c>: NDJSON or a JSON array of events.</summary>
public static class EventsApi
{
    public const string IngestPolicy = "ingest";

    public static RouteGroupBuilder MapEventsApi(this RouteGroupBuilder api)
    {
        api.MapPost("/events", PostEvents).RequireAuthorization(IngestPolicy).RequireRateLimiting(KeyRateLimit.PolicyName).DisableAntiforgery()
            .WithName("PostEvents")
            .WithSummary("Stores a batch of dossier and petition events (NDJSON): each line accepted, a duplicate, or rejected with the reason")
            .WithTags("Events");
        return api;
    }

    private static async Task<Results<Ok<IngestResult>, JsonHttpResult<IngestResult>, ProblemHttpResult>> PostEvents(
        HttpContext http, EventIngestor ingestor, IngestGate gate, IOptions<IngestOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        var limit = options.Value.MaxBodyBytes;
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit;
        }

        if (http.Request.ContentLength > limit)
        {
            return TooLarge(BatchTooLargeException.Body(limit));
        }

        // Back-pressure: a place among the node's concurrent batches before the body is read (503 when none).
        using var place = await gate.TryEnterBatchAsync(cancellationToken);
        if (place is null)
        {
            return Overloaded(http, gate.BatchesFull);
        }

        ParsedBatch batch;
        try
        {
            using var body = await PooledBody.ReadAsync(http.Request.Body, http.Request.ContentLength, limit, cancellationToken);
            if (body is null)
            {
                return TooLarge(BatchTooLargeException.Body(limit));
            }

            // The events read from it are strings of their own, so the buffer goes back to the pool here.
            batch = EventLineReader.Read(body.Memory, BatchRules.From(options.Value, time));
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(BatchTooLargeException.Body(limit));
        }
        catch (UnreadableBodyException ex)
        {
            return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status400BadRequest, title: "The body cannot be read");
        }
        catch (BatchTooLargeException ex)
        {
            return TooLarge(ex);
        }

        try
        {
            // The key's units: other units' lines are refused (status 403 each); a batch of nothing else gets 403.
            var scoped = ScopedBatch.Check(KeyScope.Of(http.User), batch);
            var answer = await ingestor.IngestAsync(scoped.Batch, cancellationToken);
            return scoped.AllRefused ? TypedResults.Json(answer, statusCode: StatusCodes.Status403Forbidden) : TypedResults.Ok(answer);
        }
        catch (IngestOverloadedException ex)
        {
            return Overloaded(http, ex.Refusal);
        }
    }

    /// <summary>503 with <c>Retry-After</c>: the node is overloaded, nothing is lost by sending the batch again later.</summary>
    private static ProblemHttpResult Overloaded(HttpContext http, IngestRefusal refusal)
    {
        http.Response.Headers.RetryAfter = refusal.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Problem(
            refusal.Detail,
            statusCode: StatusCodes.Status503ServiceUnavailable,
            title: "Node overloaded",
            extensions: new Dictionary<string, object?> { ["retryAfter"] = refusal.RetryAfterSeconds, ["setting"] = refusal.Setting });
    }

    private static ProblemHttpResult TooLarge(BatchTooLargeException tooLarge) =>
        TypedResults.Problem(
            tooLarge.Message,
            statusCode: StatusCodes.Status413PayloadTooLarge,
            title: "Batch too large",
            extensions: new Dictionary<string, object?> { ["limit"] = tooLarge.Limit, ["setting"] = tooLarge.Setting });
}
