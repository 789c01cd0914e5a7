using System.Net.Http.Json;
using GovPulse.EndToEnd.Tests.Fixtures;

namespace GovPulse.EndToEnd.Tests;

/// <summary>One event id, one event: a repeat is a duplicate, an id reused for another event is refused on its line and the stored event stands.</summary>
public sealed class EventIdReuseTests(NodeFixture fixture) : IClassFixture<NodeFixture>
{
    private readonly DateTimeOffset _now = DateTimeOffset.UtcNow.AddMinutes(-5);

    [Fact]
    public async Task A_stored_id_sent_again_with_different_content_is_refused_on_its_lines_and_the_other_lines_are_kept()
    {
        using var client = fixture.Node.CreateClient(NodeFixture.ApiKey);
        var stored = Ndjson.Received("27286", "reuse-x", _now);
        var changed = stored.Replace("\"fee\":0", "\"fee\":50000", StringComparison.Ordinal).Replace("\"citizenData\":true", "\"citizenData\":false", StringComparison.Ordinal);
        await EventPoster.PostAsync(client, [stored]);

        var result = await EventPoster.PostAsync(client, [
            Ndjson.Received("27286", "reuse-y", _now),
            changed,
            Ndjson.Received("27286", "reuse-z", _now),
            changed,
            Ndjson.Completed("27286", "reuse-x", _now)]);
        var scorecard = await client.GetFromJsonAsync<ScorecardResponse>($"/api/v1/units/27286/indicators?period={Ndjson.MonthOf(_now)}");

        result.Accepted.Should().Be(3);
        result.Duplicates.Should().Be(0);
        result.Rejected.Should().BeEquivalentTo(new[]
        {
            new RejectedLine(2, "reuse-x-r", "line 2: eventId 'reuse-x-r' was already stored with different content (fee, citizenData); send a new eventId for a new event"),
            new RejectedLine(4, "reuse-x-r", "line 4: eventId 'reuse-x-r' was already stored with different content (fee, citizenData); send a new eventId for a new event"),
        });
        scorecard!.Counts.Should().Be(new CountsResponse(3, 1));
        await fixture.Node.WaitForOutputAsync("Refused event reuse-x-r for unit 27286: its id was already stored with different content (fee, citizenData)", TimeSpan.FromSeconds(10));
        fixture.Node.Output.Should().NotContain("\"fee\":50000", "a refused event is logged by id and unit, never whole");
    }

    [Fact]
    public async Task The_same_event_with_its_times_written_in_another_offset_is_a_duplicate()
    {
        using var client = fixture.Node.CreateClient(NodeFixture.ApiKey);
        var local = Ndjson.Received("27301", "reuse-offset", _now);
        var utc = local
            .Replace(Ndjson.Time(_now), _now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace(",\"fee\":0", "", StringComparison.Ordinal)
            .Replace("{\"eventId\"", "{\"fee\":0,\"eventId\"", StringComparison.Ordinal);
        await EventPoster.PostAsync(client, [local]);

        var again = await EventPoster.PostAsync(client, [utc]);

        utc.Should().NotBe(local);
        again.Should().BeEquivalentTo(new { Accepted = 0, Duplicates = 1 });
        again.Rejected.Should().BeEmpty();
    }

    [Fact]
    public async Task Of_two_concurrent_batches_with_the_same_ids_one_stores_them_the_other_counts_duplicates()
    {
        using var client = fixture.Node.CreateClient(NodeFixture.ApiKey);
        var lines = Enumerable.Range(1, 300).Select(i => Ndjson.Received("27316", $"race-same-{i}", _now)).ToArray();

        var results = await Task.WhenAll(EventPoster.PostAsync(client, lines), EventPoster.PostAsync(client, lines));

        results.Sum(r => r.Accepted).Should().Be(300);
        results.Sum(r => r.Duplicates).Should().Be(300);
        results.Should().OnlyContain(r => r.Rejected.Count == 0);
    }

    [Fact]
    public async Task Of_two_concurrent_batches_that_reuse_ids_for_different_events_the_first_stored_stands_and_the_other_is_refused()
    {
        using var client = fixture.Node.CreateClient(NodeFixture.ApiKey);
        var online = Enumerable.Range(1, 300).Select(i => Ndjson.Received("27316", $"race-diff-{i}", _now)).ToArray();
        var direct = online.Select(l => l.Replace("\"channel\":\"online\"", "\"channel\":\"direct\"", StringComparison.Ordinal)).ToArray();

        var results = await Task.WhenAll(EventPoster.PostAsync(client, online), EventPoster.PostAsync(client, direct));

        results.Sum(r => r.Accepted).Should().Be(300);
        results.Sum(r => r.Rejected.Count).Should().Be(300);
        results.Should().OnlyContain(r => r.Duplicates == 0);
        results.SelectMany(r => r.Rejected).Should().OnlyContain(r => r.Error.EndsWith(
            $"eventId '{r.EventId}' was already stored with different content (channel); send a new eventId for a new event", StringComparison.Ordinal));
    }
}
