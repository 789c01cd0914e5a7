using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using GovPulse.EndToEnd.Tests.Fixtures;

namespace GovPulse.EndToEnd.Tests;

/// <summary>
/// Nothing answers with a stack trace or echoes request headers, in the quick start's Development
/// environment too (where ASP.NET Core's developer exception page would show both, the caller's
/// API key included): a failure is a plain RFC 7807 problem with a trace id, logged on the node.
/// </summary>
public sealed class ErrorAnswersTests(DevelopmentNodeFixture fixture) : IClassFixture<DevelopmentNodeFixture>
{
    /// <summary>A request header no answer may repeat.</summary>
    private const string Canary = "X-Canary";

    private const string CanaryValue = "canary-header-value-5Rt8wQ";

    private const string WrongKey = "e2e-wrong-key-Hk2pX4vN";

    [Fact]
    public async Task No_error_answer_carries_a_stack_trace_or_a_request_header()
    {
        using var client = CreateClient(DevelopmentNodeFixture.ApiKey);
        using var stranger = CreateClient(WrongKey);
        var requests = new (string What, HttpClient Client, Func<HttpRequestMessage> Request)[]
        {
            ("a wrong key", stranger, () => Get("/api/v1/units")),
            ("a batch from a wrong key", stranger, () => Post("/api/v1/events", "application/x-ndjson", "{}")),
            ("a body over the limit", client, () => Expecting100Continue(Post("/api/v1/events", "application/x-ndjson", new string('x', DevelopmentNodeFixture.MaxBodyBytes + 1)))),
            ("a JSON array that is not JSON", client, () => Post("/api/v1/events", "application/json", "[{\"eventId\":")),
            ("a body the score endpoint cannot bind", client, () => Post("/api/v1/score", "application/json", "{not json")),
            ("a score body of the wrong type", client, () => Post("/api/v1/score", "text/plain", "x")),
            ("a key request that is not JSON", client, () => Post("/api/v1/admin/keys", "application/json", "{bad")),
            ("an unknown period", client, () => Get("/api/v1/units/26737/indicators?period=2026-13")),
            // Periods at the ends of the calendar failed inside the scorecard (500) when this was written.
            ("a period in year 1", client, () => Get("/api/v1/units/26737/indicators?period=0001-01")),
            ("a period ending in 9999", client, () => Get("/api/v1/units/26737/indicators?period=2026-01-01..9999-12-31")),
            ("an unknown level", client, () => Get("/api/v1/rankings?level=zzz")),
            ("an unknown unit", client, () => Get("/api/v1/units/00000/indicators")),
            ("an unknown path", client, () => Get("/api/v1/nothing-here")),
            ("a sign-in without its anti-forgery token", client, () => Post("/api/v1/account/login", "application/json", "{\"username\":\"a\",\"password\":\"b\"}")),
        };

        var answers = new List<string>();
        foreach (var (what, from, request) in requests)
        {
            using var message = request();
            using var response = await from.SendAsync(message);
            var body = await response.Content.ReadAsStringAsync();
            answers.Add($"{what}: {(int)response.StatusCode}");
            ((int)response.StatusCode).Should().BeGreaterThanOrEqualTo(400, what);
            AssertLeaksNothing(what, response, body);
        }

        answers.Should().Contain(a => a.EndsWith(": 401", StringComparison.Ordinal)).And.Contain(a => a.EndsWith(": 413", StringComparison.Ordinal))
            .And.Contain(a => a.EndsWith(": 400", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_failing_database_gives_a_plain_500_with_a_trace_id_that_the_log_holds()
    {
        var directory = TempDirectory.NewPath("e2e-dev-failing");
        var node = await DevelopmentNodeFixture.StartAsync(directory);
        try
        {
            using var client = CreateClient(DevelopmentNodeFixture.ApiKey, node);
            var now = DateTimeOffset.UtcNow.AddMinutes(-5);
            (await EventPoster.PostAsync(client, [Ndjson.Received("26737", "fail-before", now)])).Accepted.Should().Be(1);
            // A real failure, from outside the node: its table of event ids goes away under it.
            await RunOnEmbeddedClickHouseAsync(node, "RENAME TABLE event_ids TO event_ids_gone");

            using var request = Post("/api/v1/events", "application/x-ndjson", Ndjson.Received("26737", "fail-after", now));
            using var response = await client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();

            response.StatusCode.Should().Be(HttpStatusCode.InternalServerError, body);
            response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
            AssertLeaksNothing("a failing database", response, body);
            using var problem = JsonDocument.Parse(body);
            problem.RootElement.EnumerateObject().Select(p => p.Name).Should().BeEquivalentTo("type", "title", "status", "detail", "traceId");
            problem.RootElement.GetProperty("title").GetString().Should().Be("Unexpected error");
            var traceId = problem.RootElement.GetProperty("traceId").GetString()!;
            traceId.Should().NotBeNullOrWhiteSpace();
            await node.WaitForOutputAsync($"Unhandled error answering POST /api/v1/events (trace id {traceId})", TimeSpan.FromSeconds(10));
        }
        finally
        {
            await node.DisposeAsync();
            TempDirectory.DeleteQuietly(directory);
        }
    }

    /// <summary>No stack trace, no exception text, and none of the request's header values, in the body or any response header.</summary>
    private static void AssertLeaksNothing(string what, HttpResponseMessage response, string body)
    {
        var headers = string.Join("\n", response.Headers.Concat(response.Content.Headers).Select(h => $"{h.Key}: {string.Join(", ", h.Value)}"));
        foreach (var text in new[] { body, headers })
        {
            text.Should().NotContainAny([DevelopmentNodeFixture.ApiKey, WrongKey, CanaryValue], $"{what}: an answer never repeats a request header");
            text.Should().NotContainAny(["   at ", "Exception", "StackTrace", ".cs:line", "System."], $"{what}: an answer never shows a stack trace or exception");
        }

        if (body.Length > 0)
        {
            response.Content.Headers.ContentType?.MediaType.Should().BeOneOf(["application/problem+json", "application/json"], $"{what}: {body}");
        }
    }

    private HttpClient CreateClient(string apiKey, NodeProcess? node = null)
    {
        var client = (node ?? fixture.Node).CreateClient(apiKey);
        client.DefaultRequestHeaders.Add(Canary, CanaryValue);
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        return client;
    }

    private static HttpRequestMessage Get(string path) => new(HttpMethod.Get, new Uri(path, UriKind.Relative));

    private static HttpRequestMessage Post(string path, string mediaType, string body) =>
        new(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = new StringContent(body, Encoding.UTF8, mediaType) };

    /// <summary>The node answers 413 from Content-Length alone and closes; with 100-continue the body is not sent into a closed connection.</summary>
    private static HttpRequestMessage Expecting100Continue(HttpRequestMessage request)
    {
        request.Headers.ExpectContinue = true;
        return request;
    }

    /// <summary>Runs a statement on the node's embedded ClickHouse through its HTTP endpoint, as any other client could.</summary>
    private static async Task RunOnEmbeddedClickHouseAsync(NodeProcess node, string statement)
    {
        var settings = EventPoster.EmbeddedClickHouseConnectionString(node, NodeFixture.SharedEnginePassword).Split(';').Select(s => s.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        using var http = new HttpClient { BaseAddress = new Uri($"http://{settings["Host"]}:{settings["Port"]}/") };
        http.DefaultRequestHeaders.Add("X-ClickHouse-User", settings["Username"]);
        http.DefaultRequestHeaders.Add("X-ClickHouse-Key", settings["Password"]);
        using var response = await http.PostAsync(new Uri("?database=govpulse", UriKind.Relative), new StringContent(statement));
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }
}
