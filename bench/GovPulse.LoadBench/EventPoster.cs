using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace GovPulse.LoadBench;

/// <summary>The answer of <c>POST /api/v1/events</c> that the bench reads.</summary>
public sealed record IngestAnswer(int Accepted, int Duplicates, IReadOnlyList<JsonElement> Rejected);

/// <summary>
/// Posts one NDJSON body, honouring 503/429 <c>Retry-After</c> (the node's back-pressure; re-sending is
/// idempotent), a bounded number of times.
/// </summary>
public sealed class EventPoster(HttpClient client)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly Uri Events = new("/api/v1/events", UriKind.Relative);
    private long _refusals;

    public const int MaxTries = 30;

    /// <summary>503/429 answers met so far (each was waited out and sent again).</summary>
    public long Refusals => Interlocked.Read(ref _refusals);

    public async Task<IngestAnswer> PostAsync(ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var content = new ReadOnlyMemoryContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
            using var response = await client.PostAsync(Events, content, cancellationToken);
            if (response.StatusCode is HttpStatusCode.ServiceUnavailable or HttpStatusCode.TooManyRequests && attempt < MaxTries)
            {
                Interlocked.Increment(ref _refusals);
                var wait = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1);
                await Task.Delay(wait, cancellationToken);
                continue;
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new HttpRequestException($"POST /api/v1/events answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
            }

            var answer = await response.Content.ReadFromJsonAsync<IngestAnswer>(Json, cancellationToken);
            return answer ?? throw new HttpRequestException("POST /api/v1/events answered null");
        }
    }
}
