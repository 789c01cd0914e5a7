using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using GovPulse.EndToEnd.Tests.Fixtures;

namespace GovPulse.EndToEnd.Tests;

/// <summary>Ingest keys scoped to units, created and revoked by the admin API, rate-limited, never shown again or logged.</summary>
public sealed class ApiKeysTests(NodeFixture fixture) : IClassFixture<NodeFixture>
{
    private const string TanDinh = "26737";
    private const string OtherCommune = "26740";
    private static readonly Uri Keys = new("/api/v1/admin/keys", UriKind.Relative);
    private static readonly string[] BadUnits = ["99999", "79", ""];

    private readonly DateTimeOffset _now = DateTimeOffset.UtcNow.AddSeconds(-1);

    [Fact]
    public async Task A_communes_key_sends_its_events_and_the_lines_of_other_units_are_refused_with_403()
    {
        var key = await CreateKeyAsync("Phường Tân Định one-stop shop", [TanDinh]);
        using var client = fixture.Node.CreateClient(key.Key);

        var response = await client.PostAsync(EventPoster.Events, Ndjson.Body(
            Ndjson.Received(TanDinh, "keys-scope-1", _now),
            Ndjson.Received(OtherCommune, "keys-scope-2", _now),
            "{not json",
            Ndjson.Completed(TanDinh, "keys-scope-1", _now)));
        var result = await response.Content.ReadFromJsonAsync<ScopedResponse>();

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        result!.Accepted.Should().Be(2);
        result.Rejected.Should().HaveCount(2);
        result.Rejected[0].Should().Be(new ScopedRejection(2, "keys-scope-2-r",
            $"line 2: unitCode '{OtherCommune}' is not allowed for this key (it may send {TanDinh})", 403));
        result.Rejected[1].Line.Should().Be(3);
        result.Rejected[1].Status.Should().Be(400, "a line wrong in itself is a 400, whoever sends it");
        var scorecard = await client.GetFromJsonAsync<ScorecardResponse>($"/api/v1/units/{TanDinh}/indicators?period={Ndjson.MonthOf(_now)}");
        scorecard!.Counts.Finished.Should().BeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public async Task A_batch_of_only_other_units_is_refused_with_403_line_by_line()
    {
        var key = await CreateKeyAsync("Tân Định, wrong batch", [TanDinh]);
        using var client = fixture.Node.CreateClient(key.Key);

        var response = await client.PostAsync(EventPoster.Events, Ndjson.Body(
            Ndjson.Received(OtherCommune, "keys-foreign-1", _now),
            Ndjson.Received("27154", "keys-foreign-2", _now)));
        var result = await response.Content.ReadFromJsonAsync<ScopedResponse>();

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        result!.Accepted.Should().Be(0);
        result.Rejected.Select(r => (r.Line, r.Status)).Should().Equal((1, 403), (2, 403));
        result.Rejected[1].Error.Should().Be($"line 2: unitCode '27154' is not allowed for this key (it may send {TanDinh})");
        using var admin = fixture.Node.CreateClient(NodeFixture.ApiKey);
        var scorecard = await admin.GetFromJsonAsync<ScorecardResponse>($"/api/v1/units/27154/indicators?period={Ndjson.MonthOf(_now)}");
        scorecard!.Counts.Received.Should().Be(0, "nothing of a refused line is stored");
    }

    [Fact]
    public async Task The_list_shows_a_key_without_the_key_or_its_hash()
    {
        var key = await CreateKeyAsync("Sở Tư pháp integration", ["so-tu-phap", TanDinh], ratePerMinute: 120);
        using var admin = fixture.Node.CreateClient(NodeFixture.ApiKey);

        var listing = await admin.GetStringAsync(Keys);
        var listed = await admin.GetFromJsonAsync<List<ListedKey>>(Keys);
        var one = await admin.GetFromJsonAsync<ListedKey>($"{Keys}/{key.Id}");

        key.Id.Should().MatchRegex("^k_[0-9a-f]{8}$");
        key.Key.Should().MatchRegex("^gp_[0-9a-f]{48}$");
        key.CreatedAt.Offset.Should().Be(TimeSpan.FromHours(7));
        var expected = new ListedKey(key.Id, "Sở Tư pháp integration", ["so-tu-phap", TanDinh], 120, key.CreatedAt, null);
        listed!.Should().ContainSingle(k => k.Id == key.Id).Which.Should().BeEquivalentTo(expected);
        one.Should().BeEquivalentTo(expected);
        listing.Should().NotContain(key.Key).And.NotContain(Sha256Hex(key.Key));
        using var json = JsonDocument.Parse(listing);
        json.RootElement.EnumerateArray().SelectMany(k => k.EnumerateObject().Select(p => p.Name)).Distinct()
            .Should().BeEquivalentTo("id", "name", "units", "ratePerMinute", "createdAt", "revokedAt");
    }

    [Fact]
    public async Task A_key_for_every_unit_has_no_units_and_the_default_rate()
    {
        var key = await CreateKeyAsync("City integration platform", units: null);
        using var client = fixture.Node.CreateClient(key.Key);

        var result = await EventPoster.PostAsync(client, [Ndjson.Received(TanDinh, "keys-all-1", _now), Ndjson.Received(OtherCommune, "keys-all-2", _now)]);

        key.Units.Should().BeEmpty();
        key.RatePerMinute.Should().Be(6000);
        result.Accepted.Should().Be(2);
    }

    [Fact]
    public async Task A_revoked_key_is_refused_with_401_and_revoking_again_changes_nothing()
    {
        var key = await CreateKeyAsync("Key to revoke", [TanDinh]);
        using var client = fixture.Node.CreateClient(key.Key);
        using var admin = fixture.Node.CreateClient(NodeFixture.ApiKey);
        var before = await client.PostAsync(EventPoster.Events, Ndjson.Body(Ndjson.Received(TanDinh, "keys-revoke-1", _now)));

        var revoked = await admin.DeleteAsync(new Uri($"{Keys}/{key.Id}", UriKind.Relative));
        var after = await client.PostAsync(EventPoster.Events, Ndjson.Body(Ndjson.Received(TanDinh, "keys-revoke-2", _now)));
        var listed = await admin.GetFromJsonAsync<ListedKey>($"{Keys}/{key.Id}");
        var again = await admin.DeleteAsync(new Uri($"{Keys}/{key.Id}", UriKind.Relative));
        var unknown = await admin.DeleteAsync(new Uri($"{Keys}/k_00000000", UriKind.Relative));

        before.StatusCode.Should().Be(HttpStatusCode.OK);
        revoked.StatusCode.Should().Be(HttpStatusCode.NoContent);
        after.StatusCode.Should().Be(HttpStatusCode.Unauthorized, "a revoked key stops working on this node at once");
        listed!.RevokedAt.Should().NotBeNull().And.BeOnOrAfter(key.CreatedAt);
        again.StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await admin.GetFromJsonAsync<ListedKey>($"{Keys}/{key.Id}"))!.RevokedAt.Should().Be(listed.RevokedAt, "the first revocation stands");
        unknown.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Only_the_admin_key_may_use_the_admin_API()
    {
        var scoped = await CreateKeyAsync("Scoped, not admin", [TanDinh]);
        var everyUnit = await CreateKeyAsync("Every unit, not admin", units: null);
        using var anonymous = fixture.Node.CreateClient();
        using var wrong = fixture.Node.CreateClient("gp_" + new string('0', 48));

        foreach (var key in new[] { scoped.Key, everyUnit.Key })
        {
            using var client = fixture.Node.CreateClient(key);
            (await client.GetAsync(Keys)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
            (await client.PostAsJsonAsync(Keys, new { name = "escalation", units = Array.Empty<string>() })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
            (await client.DeleteAsync(new Uri($"{Keys}/{scoped.Id}", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.Forbidden);
            (await client.GetAsync(new Uri("/metrics", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        }

        (await anonymous.GetAsync(Keys)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await anonymous.PostAsJsonAsync(Keys, new { name = "no key" })).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await wrong.GetAsync(Keys)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_request_for_a_key_with_bad_fields_gets_400_naming_each()
    {
        using var admin = fixture.Node.CreateClient(NodeFixture.ApiKey);

        var response = await admin.PostAsJsonAsync(Keys, new { name = " ", units = BadUnits, ratePerMinute = 0 });
        var problem = await response.Content.ReadFromJsonAsync<Problem>();
        var notJson = await admin.PostAsync(Keys, new StringContent("{\"name\":", Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        problem!.Title.Should().Be("The key request is not valid");
        problem.Detail.Should().Contain("name is missing")
            .And.Contain("units[0] '99999' is not a known unit; GET /api/v1/units lists the codes")
            .And.Contain("units[1] '79' is the city as a whole; a key for every unit has no units (omit them or send [])")
            .And.Contain("units[2] is empty")
            .And.Contain("ratePerMinute 0 is out of range; expected a whole number of requests a minute from 1 to 1000000");
        notJson.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await admin.GetFromJsonAsync<List<ListedKey>>(Keys))!.Should().NotContain(k => k.Name == " ");
    }

    [Fact]
    public async Task A_key_over_its_rate_gets_429_with_Retry_After_and_other_keys_go_on()
    {
        var key = await CreateKeyAsync("Slow sender", [TanDinh], ratePerMinute: 2);
        using var client = fixture.Node.CreateClient(key.Key);
        using var admin = fixture.Node.CreateClient(NodeFixture.ApiKey);

        var first = await client.PostAsync(EventPoster.Events, Ndjson.Body(Ndjson.Received(TanDinh, "keys-rate-1", _now)));
        var second = await client.PostAsync(EventPoster.Events, Ndjson.Body(Ndjson.Received(TanDinh, "keys-rate-2", _now)));
        var third = await client.PostAsync(EventPoster.Events, Ndjson.Body(Ndjson.Received(TanDinh, "keys-rate-3", _now)));
        var problem = await third.Content.ReadFromJsonAsync<RateProblem>();
        var another = await admin.PostAsync(EventPoster.Events, Ndjson.Body(Ndjson.Received(TanDinh, "keys-rate-4", _now)));

        first.StatusCode.Should().Be(HttpStatusCode.OK);
        second.StatusCode.Should().Be(HttpStatusCode.OK);
        third.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        third.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var retryAfter = third.Headers.RetryAfter?.Delta;
        retryAfter.Should().NotBeNull().And.BeGreaterThan(TimeSpan.Zero).And.BeLessThanOrEqualTo(TimeSpan.FromSeconds(30), "one request comes back every 30 s at 2 a minute");
        problem!.Status.Should().Be(429);
        problem.RetryAfter.Should().Be((int)retryAfter!.Value.TotalSeconds);
        problem.RatePerMinute.Should().Be(2);
        problem.Detail.Should().StartWith($"This key may make 2 requests a minute and has made them. Retry after {problem.RetryAfter} s (at ");
        another.StatusCode.Should().Be(HttpStatusCode.OK, "the limit counts per key");
    }

    [Fact]
    public async Task No_key_ever_appears_in_the_nodes_output()
    {
        var key = await CreateKeyAsync("Key that must not leak", [TanDinh], ratePerMinute: 3);
        using var client = fixture.Node.CreateClient(key.Key);
        using var admin = fixture.Node.CreateClient(NodeFixture.ApiKey);
        await client.PostAsync(EventPoster.Events, Ndjson.Body(Ndjson.Received(TanDinh, "keys-leak-1", _now)));
        await client.PostAsync(EventPoster.Events, Ndjson.Body(Ndjson.Received(OtherCommune, "keys-leak-2", _now)));
        await client.GetAsync(Keys);
        await client.PostAsync(EventPoster.Events, Ndjson.Body(Ndjson.Received(TanDinh, "keys-leak-3", _now)));
        await client.PostAsync(EventPoster.Events, Ndjson.Body(Ndjson.Received(TanDinh, "keys-leak-4", _now))); // over its rate
        await admin.DeleteAsync(new Uri($"{Keys}/{key.Id}", UriKind.Relative));
        await client.PostAsync(EventPoster.Events, Ndjson.Body(Ndjson.Received(TanDinh, "keys-leak-5", _now))); // revoked

        // Log lines reach the output in order, a moment after the answers: the revocation's line comes after all of the above.
        await fixture.Node.WaitForOutputAsync($"API key {key.Id} (Key that must not leak) revoked", TimeSpan.FromSeconds(10));

        fixture.Node.Output.Should().Contain($"API key {key.Id} (Key that must not leak) created", "creation is logged, by id and name");
        fixture.Node.Output.Should().NotContain(key.Key).And.NotContain(key.Key[3..]).And.NotContain(Sha256Hex(key.Key));
        fixture.Node.Output.Should().NotContain(NodeFixture.ApiKey);
    }

    private async Task<CreatedKey> CreateKeyAsync(string name, string[]? units, int? ratePerMinute = null)
    {
        using var admin = fixture.Node.CreateClient(NodeFixture.ApiKey);
        using var response = await admin.PostAsJsonAsync(Keys, new { name, units, ratePerMinute });
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var key = (await response.Content.ReadFromJsonAsync<CreatedKey>())!;
        response.Headers.Location!.ToString().Should().EndWith($"/api/v1/admin/keys/{key.Id}");
        return key;
    }

    private static string Sha256Hex(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private sealed record CreatedKey(string Id, string Name, List<string> Units, int RatePerMinute, DateTimeOffset CreatedAt, string Key);

    private sealed record ListedKey(string Id, string Name, List<string> Units, int RatePerMinute, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);

    private sealed record ScopedResponse(int Accepted, int Duplicates, List<ScopedRejection> Rejected);

    private sealed record ScopedRejection(int Line, string? EventId, string Error, int? Status);

    private sealed record Problem(string Title, int Status, string Detail);

    private sealed record RateProblem(string Title, int Status, string Detail, int RetryAfter, int RatePerMinute);
}
