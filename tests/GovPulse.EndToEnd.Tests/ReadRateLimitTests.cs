using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GovPulse.EndToEnd.Tests.Fixtures;

namespace GovPulse.EndToEnd.Tests;

/// <summary>Reads are limited per caller (key, person, address): over the limit, 429 with Retry-After; another caller still reads.</summary>
[Collection(HardenedNode.Name)]
public sealed class ReadRateLimitTests(HardenedNodeFixture fixture)
{
    private static readonly Uri Units = new("/api/v1/units", UriKind.Relative);

    [Fact]
    public async Task A_key_over_its_reads_a_minute_gets_429_with_Retry_After_and_another_key_still_reads()
    {
        var first = await NewKeyAsync("hygiene reader 1");
        var second = await NewKeyAsync("hygiene reader 2");
        using var reader = fixture.Node.CreateClient(first);
        using var other = fixture.Node.CreateClient(second);

        var statuses = new List<HttpStatusCode>();
        for (var read = 0; read < HardenedNodeFixture.ReadsPerMinute; read++)
        {
            using var ok = await reader.GetAsync(Units);
            statuses.Add(ok.StatusCode);
        }

        using var over = await reader.GetAsync(Units);
        using var otherKey = await other.GetAsync(Units);

        statuses.Should().AllBeEquivalentTo(HttpStatusCode.OK);
        over.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        over.Headers.RetryAfter!.Delta.Should().BeGreaterThan(TimeSpan.Zero).And.BeLessThanOrEqualTo(TimeSpan.FromSeconds(60 / HardenedNodeFixture.ReadsPerMinute + 1));
        over.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
        var body = await over.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("title").GetString().Should().Be("Too many reads");
        body.GetProperty("detail").GetString().Should().StartWith($"This key may make {HardenedNodeFixture.ReadsPerMinute} reads a minute and has made them. Retry after");
        body.GetProperty("readsPerMinute").GetInt32().Should().Be(HardenedNodeFixture.ReadsPerMinute);
        otherKey.StatusCode.Should().Be(HttpStatusCode.OK, "the limit is per caller");
    }

    [Fact]
    public async Task A_signed_in_person_and_an_anonymous_address_have_limits_of_their_own()
    {
        var password = await fixture.CreateUserAsync("hygiene.reader");
        using var person = fixture.BrowserAt("198.51.100.41");
        (await person.SignInAsync("hygiene.reader", password)).StatusCode.Should().Be(HttpStatusCode.OK);
        using var stranger = fixture.BrowserAt("198.51.100.42");

        var personReads = new List<HttpStatusCode>();
        for (var read = 0; read <= HardenedNodeFixture.ReadsPerMinute; read++)
        {
            using var answer = await person.Client.GetAsync(Units);
            personReads.Add(answer.StatusCode);
        }

        var strangerReads = new List<HttpStatusCode>();
        for (var read = 0; read <= HardenedNodeFixture.AnonymousReadsPerMinute; read++)
        {
            using var answer = await stranger.Client.GetAsync(Units);
            strangerReads.Add(answer.StatusCode);
        }

        personReads.Take(HardenedNodeFixture.ReadsPerMinute).Should().AllBeEquivalentTo(HttpStatusCode.OK);
        personReads[^1].Should().Be(HttpStatusCode.TooManyRequests);
        strangerReads.Take(HardenedNodeFixture.AnonymousReadsPerMinute).Should().AllBeEquivalentTo(HttpStatusCode.Unauthorized, "a stranger may not read units, and is told so");
        strangerReads[^1].Should().Be(HttpStatusCode.TooManyRequests, "but not without end");
    }

    private async Task<string> NewKeyAsync(string name)
    {
        using var admin = fixture.Node.CreateClient(NodeFixture.ApiKey);
        using var created = await admin.PostAsJsonAsync("/api/v1/admin/keys", new { name });
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!;
    }
}
