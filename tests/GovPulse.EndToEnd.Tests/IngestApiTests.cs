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
    public async Task Units_lists_the_city_its_departments_and_168_communes()
    {
        using var client = fixture.Node.CreateClient();

        var units = await client.GetFromJsonAsync<List<UnitResponse>>("/api/v1/units");

        units.Should().NotBeNull();
        units!.Should().ContainSingle(u => u.Kind == "city" && u.Code == "79");
        units!.Count(u => u.Kind == "commune").Should().Be(168);
        units!.Count(u => u.Kind == "department").Should().Be(17);
        units.Should().Contain(u => u.Code == "26737" && u.Name == "Phường Tân Định" && u.ParentCode == "79");
    }

    [Fact]
    public async Task Unknown_units_and_bad_periods_get_clear_errors()
    {
        using var client = fixture.Node.CreateClient();

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

    private sealed record UnitResponse(string Code, string Name, string Kind, string? ParentCode);
}
