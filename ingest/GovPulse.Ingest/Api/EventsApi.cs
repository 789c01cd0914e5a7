using GovPulse.Ingest.Pipeline;
using GovPulse.Ingest.Security;
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
        api.MapPost("/events", PostEvents).RequireAuthorization(IngestPolicy).DisableAntiforgery();
        return api;
    }

    private static async Task<Results<Ok<IngestResult>, ProblemHttpResult>> PostEvents(
        HttpContext http, EventIngestor ingestor, IOptions<IngestOptions> options, TimeProvider time, CancellationToken cancellationToken)
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

        byte[]? body;
        try
        {
            body = await ReadUpTo(http.Request.Body, limit, cancellationToken);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            body = null;
        }

        if (body is null)
        {
            return TooLarge(BatchTooLargeException.Body(limit));
        }

        ParsedBatch batch;
        try
        {
            batch = EventLineReader.Read(body, BatchRules.From(options.Value, time));
        }
        catch (UnreadableBodyException ex)
        {
            return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status400BadRequest, title: "The body cannot be read");
        }
        catch (BatchTooLargeException ex)
        {
            return TooLarge(ex);
        }

        return TypedResults.Ok(await ingestor.IngestAsync(batch, cancellationToken));
    }

    /// <summary>The body, or null when it is longer than <paramref name="limit"/> (a server without a body-size feature, or a chunked body).</summary>
    private static async Task<byte[]?> ReadUpTo(Stream body, long limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static ProblemHttpResult TooLarge(BatchTooLargeException tooLarge) =>
        TypedResults.Problem(
            tooLarge.Message,
            statusCode: StatusCodes.Status413PayloadTooLarge,
            title: "Batch too large",
            extensions: new Dictionary<string, object?> { ["limit"] = tooLarge.Limit, ["setting"] = tooLarge.Setting });
}
