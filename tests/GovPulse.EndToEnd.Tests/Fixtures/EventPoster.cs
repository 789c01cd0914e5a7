using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using GovPulse.Indicators.Events;

namespace GovPulse.EndToEnd.Tests.Fixtures;

/// <summary>Posts event batches as an ingest client does, and checks what every answer must satisfy.</summary>
public static partial class EventPoster
{
    public static readonly Uri Events = new("/api/v1/events", UriKind.Relative);

    /// <summary>An event as one wire line (api-v1 §1).</summary>
    public static string Line(UnitEvent e) => JsonSerializer.Serialize(e, WireJson.Options);

    /// <summary>Posts one batch, expects 200, and checks the counts add up: accepted + duplicates + rejected = lines.</summary>
    public static async Task<IngestResponse> PostAsync(HttpClient client, IReadOnlyCollection<string> lines)
    {
        using var response = await client.PostAsync(Events, Ndjson.Body([.. lines]));
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var result = (await response.Content.ReadFromJsonAsync<IngestResponse>())!;
        (result.Accepted + result.Duplicates + result.Rejected.Count).Should().Be(lines.Count, "every line is accepted, a duplicate, or rejected");
        return result;
    }

    /// <summary>
    /// Posts one batch the way a well-behaved client does under back-pressure: on 503 it waits what
    /// <c>Retry-After</c> says and sends the same batch again, at most <paramref name="maxAttempts"/> times.
    /// </summary>
    public static async Task<RetriedPost> PostHonouringRetryAfterAsync(HttpClient client, IReadOnlyCollection<string> lines, int maxAttempts)
    {
        var refusals = new List<Refusal>();
        for (var attempt = 1; attempt <= maxAttempts; attempt++)
        {
            using var response = await client.PostAsync(Events, Ndjson.Body([.. lines]));
            if (response.StatusCode != HttpStatusCode.ServiceUnavailable)
            {
                response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
                var result = (await response.Content.ReadFromJsonAsync<IngestResponse>())!;
                (result.Accepted + result.Duplicates + result.Rejected.Count).Should().Be(lines.Count);
                return new RetriedPost(result, refusals);
            }

            var retryAfter = response.Headers.RetryAfter?.Delta;
            var problem = (await response.Content.ReadFromJsonAsync<OverloadProblem>())!;
            refusals.Add(new Refusal(retryAfter, response.Content.Headers.ContentType?.MediaType, problem));
            retryAfter.Should().NotBeNull("a 503 says when to come back");
            // Waiting is the protocol here: the node asked for this pause.
            await Task.Delay(retryAfter!.Value);
        }

        throw new InvalidOperationException($"Still refused after {maxAttempts} attempts: {refusals[^1].Problem.Detail}");
    }

    /// <summary>Where the node's embedded ClickHouse is served, from its log: another node can share it through a connection string.</summary>
    /// <summary>
    /// A connection string for another client of <paramref name="node"/>'s embedded ClickHouse: the
    /// node must have been started with <c>GovPulse:ClickHouse:EmbeddedPassword</c> = <paramref name="password"/>.
    /// </summary>
    public static string EmbeddedClickHouseConnectionString(NodeProcess node, string password)
    {
        var match = EmbeddedEndpoint().Match(node.Output);
        match.Success.Should().BeTrue("the node logs where its embedded ClickHouse is served");
        return $"Host={match.Groups["host"].Value};Port={match.Groups["port"].Value};Protocol=http;Username=default;Password={password}";
    }

    [GeneratedRegex(@"embedded engine at http://(?<host>[0-9.]+):(?<port>\d+)")]
    private static partial Regex EmbeddedEndpoint();

    public sealed record RetriedPost(IngestResponse Result, IReadOnlyList<Refusal> Refusals);

    public sealed record Refusal(TimeSpan? RetryAfter, string? MediaType, OverloadProblem Problem);

    public sealed record OverloadProblem(int Status, string Title, string Detail, int RetryAfter, string Setting);
}
