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
        HttpContext http, EventIngestor ingestor, IOptions<IngestOptions> options, CancellationToken cancellationToken)
    {
        var limit = options.Value.MaxBodyBytes;
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit;
        }

        if (http.Request.ContentLength > limit)
        {
            return TooLarge(limit);
        }

        byte[] body;
        try
        {
            using var buffer = new MemoryStream();
            await http.Request.Body.CopyToAsync(buffer, cancellationToken);
            body = buffer.ToArray();
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(limit);
        }

        ParsedBatch batch;
        try
        {
            batch = EventLineReader.Read(body);
        }
        catch (UnreadableBodyException ex)
        {
            return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status400BadRequest, title: "The body cannot be read");
        }

        return TypedResults.Ok(await ingestor.IngestAsync(batch, cancellationToken));
    }

    private static ProblemHttpResult TooLarge(long limit) =>
        TypedResults.Problem(
            $"The body is larger than {limit} bytes (GovPulse:Ingest:MaxBodyBytes); send it in smaller batches.",
            statusCode: StatusCodes.Status413PayloadTooLarge,
            title: "Body too large");
}
