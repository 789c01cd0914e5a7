using System.Net;
using System.Net.Http.Json;
using GovPulse.EndToEnd.Tests.Fixtures;

namespace GovPulse.EndToEnd.Tests;

public sealed class IngestApiTests(NodeFixture fixture) : IClassFixture<NodeFixture>
{
    private readonly DateTimeOffset _now = DateTimeOffset.UtcNow.AddSeconds(-1);

    [Fact]
    public async Task Posted_events_show_in_the_units_scorecard()
    {
        using var client = fixture.Node.CreateClient(NodeFixture.ApiKey);
        var response = await client.PostAsync(new Uri("/api/v1/events", UriKind.Relative), Ndjson.Body(
            Ndjson.Received("26737", "e2e-show-1", _now),
            Ndjson.Received("26737", "e2e-show-2", _now),
            Ndjson.Completed("26737", "e2e-show-1", _now)));
        var result = await response.Content.ReadFromJsonAsync<IngestResponse>();

        var scorecard = await client.GetFromJsonAsync<ScorecardResponse>($"/api/v1/units/26737/indicators?period={Ndjson.MonthOf(_now)}");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        result!.Accepted.Should().Be(3);
        scorecard!.Name.Should().Be("Phường Tân Định");
        scorecard.Counts.Received.Should().Be(2);
        scorecard.Counts.Finished.Should().Be(1);
        scorecard.EvaluatedAt.Offset.Should().Be(TimeSpan.FromHours(7));
    }

    [Fact]
    public async Task A_mixed_batch_keeps_the_valid_lines_and_names_each_bad_one()
    {
        using var client = fixture.Node.CreateClient(NodeFixture.ApiKey);
        var response = await client.PostAsync(new Uri("/api/v1/events", UriKind.Relative), Ndjson.Body(
            Ndjson.Received("26740", "e2e-mixed-1", _now),
            "{not json",
            Ndjson.Received("99999", "e2e-mixed-2", _now),
            Ndjson.Received("26740", "e2e-mixed-3", _now).Replace("+07:00\",\"dossierId", "\",\"dossierId", StringComparison.Ordinal),
            Ndjson.Received("26740", "e2e-mixed-4", _now),
            Ndjson.Received("26740", "e2e-mixed-1", _now)));
        var result = await response.Content.ReadFromJsonAsync<IngestResponse>();
        var scorecard = await client.GetFromJsonAsync<ScorecardResponse>($"/api/v1/units/26740/indicators?period={Ndjson.MonthOf(_now)}");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        result!.Accepted.Should().Be(2);
        result.Duplicates.Should().Be(1);
        result.Rejected.Select(r => r.Line).Should().Equal(2, 3, 4);
        result.Rejected[0].Error.Should().StartWith("line 2: not valid JSON");
        result.Rejected[1].Error.Should().Be("line 3: unitCode '99999' is not a known unit");
        result.Rejected[1].EventId.Should().Be("e2e-mixed-2-r");
        result.Rejected[2].Error.Should().Contain("occurredAt").And.Contain("is not a valid ISO 8601 time with offset");
        scorecard!.Counts.Received.Should().Be(2);
    }

    [Fact]
    public async Task Sending_a_batch_twice_counts_it_once()
    {
        using var client = fixture.Node.CreateClient(NodeFixture.ApiKey);
        var body = new[] { Ndjson.Received("26743", "e2e-twice-1", _now), Ndjson.Received("26743", "e2e-twice-2", _now) };

        var first = await (await client.PostAsync(new Uri("/api/v1/events", UriKind.Relative), Ndjson.Body(body))).Content.ReadFromJsonAsync<IngestResponse>();
        var second = await (await client.PostAsync(new Uri("/api/v1/events", UriKind.Relative), Ndjson.Body(body))).Content.ReadFromJsonAsync<IngestResponse>();
        var scorecard = await client.GetFromJsonAsync<ScorecardResponse>($"/api/v1/units/26743/indicators?period={Ndjson.MonthOf(_now)}");

        first!.Accepted.Should().Be(2);
        second!.Accepted.Should().Be(0);
        second.Duplicates.Should().Be(2);
        scorecard!.Counts.Received.Should().Be(2);
    }

    [Fact]
    public async Task A_JSON_array_body_is_accepted_too()
    {
        using var client = fixture.Node.CreateClient(NodeFixture.ApiKey);
        var array = "[" + Ndjson.Received("27154", "e2e-array-1", _now) + "," + Ndjson.Received("27154", "e2e-array-2", _now) + "]";
        using var content = new StringContent(array, System.Text.Encoding.UTF8, "application/json");

        var result = await (await client.PostAsync(new Uri("/api/v1/events", UriKind.Relative), content)).Content.ReadFromJsonAsync<IngestResponse>();

        result!.Accepted.Should().Be(2);
        result.Rejected.Should().BeEmpty();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    public async Task Ingest_without_a_valid_key_is_refused_with_401(string? key)
    {
        using var client = fixture.Node.CreateClient(key);

        var response = await client.PostAsync(new Uri("/api/v1/events", UriKind.Relative), Ndjson.Body(Ndjson.Received("26737", "e2e-nokey", _now)));

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_unreadable_body_gets_400()
    {
        using var client = fixture.Node.CreateClient(NodeFixture.ApiKey);

        var response = await client.PostAsync(new Uri("/api/v1/events", UriKind.Relative), new StringContent("[{\"eventId\":", System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_repeat_counts_as_a_duplicate_but_the_same_id_for_a_different_event_is_rejected()
    {
        using var client = fixture.Node.CreateClient(NodeFixture.ApiKey);
        var received = Ndjson.Received("26767", "e2e-repeat-1", _now);

        var response = await client.PostAsync(new Uri("/api/v1/events", UriKind.Relative), Ndjson.Body(
            received,
            received,
            received.Replace("\"fee\":0", "\"fee\":50000", StringComparison.Ordinal),
            Ndjson.Received("26767", "e2e-repeat-2", _now.AddHours(2))));
        var result = await response.Content.ReadFromJsonAsync<IngestResponse>();

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        result!.Accepted.Should().Be(1);
        result.Duplicates.Should().Be(1);
        result.Rejected.Select(r => r.Line).Should().Equal(3, 4);
        result.Rejected[0].Error.Should().Be(
            "line 3: eventId 'e2e-repeat-1-r' is already used by line 1 for a different event; expected a repeat to be identical to line 1, or a new eventId for a new event");
        result.Rejected[1].Error.Should().StartWith($"line 4: occurredAt '{Ndjson.Time(_now.AddHours(2))}' is more than 1 hour ahead of this node's clock");
    }

    [Fact]
    public async Task A_body_over_the_size_limit_gets_413_saying_the_limit_and_to_split_the_batch()
    {
        using var client = fixture.Node.CreateClient(NodeFixture.ApiKey);
        using var content = new ByteArrayContent(OversizeBody());
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-ndjson");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/v1/events", UriKind.Relative)) { Content = content };
        request.Headers.ExpectContinue = true; // the node answers from Content-Length alone, so the 32 MiB never travel

        var response = await client.SendAsync(request);

        await ShouldBeTooLarge(response, "GovPulse:Ingest:MaxBodyBytes", 32L * 1024 * 1024,
            "The body is larger than 32 MiB (33554432 bytes), the limit set by GovPulse:Ingest:MaxBodyBytes. Split the batch into smaller ones and send them one after another.");
    }

    [Fact]
    public async Task A_streamed_body_without_a_length_is_held_to_the_same_limit()
    {
        using var client = fixture.Node.CreateClient(NodeFixture.ApiKey);
        using var content = new StreamContent(new MemoryStream(OversizeBody()));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-ndjson");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/v1/events", UriKind.Relative)) { Content = content };
        request.Headers.TransferEncodingChunked = true;

        var response = await client.SendAsync(request);

        await ShouldBeTooLarge(response, "GovPulse:Ingest:MaxBodyBytes", 32L * 1024 * 1024, "The body is larger than 32 MiB (33554432 bytes)");
    }

    [Fact]
    public async Task A_streamed_body_under_the_limit_is_read_whole_however_it_arrives()
    {
        using var client = fixture.Node.CreateClient(NodeFixture.ApiKey);
        // About 700 KB with no Content-Length: the node's pooled buffer has to grow many times over.
        var lines = Enumerable.Range(0, 2_000).Select(i => Ndjson.Received("26767", $"e2e-streamed-{i}", _now.AddMinutes(-i))).ToArray();
        using var content = new StreamContent(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(string.Join('\n', lines))), bufferSize: 1_000);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-ndjson");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/v1/events", UriKind.Relative)) { Content = content };
        request.Headers.TransferEncodingChunked = true;

        var response = await client.SendAsync(request);
        var result = await response.Content.ReadFromJsonAsync<IngestResponse>();

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        result!.Accepted.Should().Be(2_000);
        result.Rejected.Should().BeEmpty();
    }

    [Fact]
    public async Task A_line_over_the_line_limit_gets_413()
    {
        using var client = fixture.Node.CreateClient(NodeFixture.ApiKey);
        var huge = Ndjson.Received("26767", "e2e-huge-1", _now).Replace("}", $",\"note\":\"{new string('n', 64 * 1024)}\"}}", StringComparison.Ordinal);

        var response = await client.PostAsync(new Uri("/api/v1/events", UriKind.Relative), Ndjson.Body(Ndjson.Received("26767", "e2e-huge-0", _now), huge));

        await ShouldBeTooLarge(response, "GovPulse:Ingest:MaxLineBytes", 64 * 1024,
            $"Line 2 is {huge.Length} bytes long; at most 64 KiB (65536 bytes) per event are allowed, the limit set by GovPulse:Ingest:MaxLineBytes. "
            + "Send one event per line (an event is normally well under 1 KiB) and split the batch if it gets too large.");
    }

    [Fact]
    public async Task More_lines_than_the_batch_limit_get_413()
    {
        using var client = fixture.Node.CreateClient(NodeFixture.ApiKey);

        var response = await client.PostAsync(new Uri("/api/v1/events", UriKind.Relative), Ndjson.Body(Enumerable.Repeat("{}", 50_001).ToArray()));

        await ShouldBeTooLarge(response, "GovPulse:Ingest:MaxLinesPerBatch", 50_000,
            "The batch has more than 50000 events, the limit set by GovPulse:Ingest:MaxLinesPerBatch. Split it into batches of at most 50000 lines and send them one after another.");
    }

    [Fact]
    public async Task Units_lists_the_city_its_departments_and_168_communes()
    {
        using var client = fixture.Node.CreateClient(NodeFixture.ApiKey);

        var units = await client.GetFromJsonAsync<List<UnitResponse>>("/api/v1/units");

        units.Should().NotBeNull();
        units!.Should().ContainSingle(u => u.Kind == "city" && u.Code == "79");
        units!.Count(u => u.Kind == "commune").Should().Be(168);
        units!.Count(u => u.Kind == "department").Should().Be(17);
        units.Should().Contain(u => u.Code == "26737" && u.Name == "Phường Tân Định" && u.ParentCode == "79");
        units.Should().OnlyContain(u => !u.Synthetic, "the built-in directory holds the city's real units only");
    }

    [Fact]
    public async Task Unknown_units_and_bad_periods_get_clear_errors()
    {
        using var client = fixture.Node.CreateClient(NodeFixture.ApiKey);

        var unknown = await client.GetAsync(new Uri("/api/v1/units/00000/indicators", UriKind.Relative));
        var badPeriod = await client.GetAsync(new Uri("/api/v1/units/79/indicators?period=2026-13", UriKind.Relative));

        unknown.StatusCode.Should().Be(HttpStatusCode.NotFound);
        badPeriod.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await badPeriod.Content.ReadAsStringAsync()).Should().Contain("period '2026-13' is not one of");
    }

    [Fact]
    public async Task The_page_and_its_SignalR_client_are_served_locally()
    {
        using var client = fixture.Node.CreateClient();

        var page = await client.GetStringAsync(new Uri("/", UriKind.Relative));
        var script = await client.GetAsync(new Uri("/lib/signalr.min.js", UriKind.Relative));

        page.Should().Contain("Hồ sơ tiếp nhận").And.Contain("/lib/signalr.min.js");
        script.StatusCode.Should().Be(HttpStatusCode.OK);
        (await script.Content.ReadAsStringAsync()).Should().Contain("HubConnectionBuilder");
    }

    /// <summary>One byte over the default body limit (32 MiB): blank lines, so nothing would be stored if it got through.</summary>
    private static byte[] OversizeBody()
    {
        var body = new byte[(32 * 1024 * 1024) + 1];
        Array.Fill(body, (byte)'\n');
        return body;
    }

    private static async Task ShouldBeTooLarge(HttpResponseMessage response, string setting, long limit, string detail)
    {
        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<TooLargeProblem>();
        problem!.Status.Should().Be(413);
        problem.Title.Should().Be("Batch too large");
        problem.Detail.Should().StartWith(detail);
        problem.Setting.Should().Be(setting);
        problem.Limit.Should().Be(limit);
    }

    private sealed record TooLargeProblem(int Status, string Title, string Detail, long Limit, string Setting);

    private sealed record UnitResponse(string Code, string Name, string Kind, string? ParentCode, bool Synthetic);
}
