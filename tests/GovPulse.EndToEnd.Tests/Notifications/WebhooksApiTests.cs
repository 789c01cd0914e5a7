using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GovPulse.EndToEnd.Tests.Fixtures;

namespace GovPulse.EndToEnd.Tests.Notifications;

/// <summary>The webhooks admin API on the node: the secret shown once and stored encrypted, clear refusals, admins only.</summary>
[Collection(SecuredNode.Name)]
public sealed class WebhooksApiTests(SecuredNodeFixture fixture)
{
    private static readonly Uri Webhooks = new("/api/v1/admin/webhooks", UriKind.Relative);
    private static readonly string[] AlertKinds = ["alertStarted", "ALERTCLEARED"];

    [Fact]
    public async Task A_new_webhook_answers_201_with_its_secret_once_and_the_list_never_shows_it_nor_the_urls_path()
    {
        using var admin = fixture.Node.CreateClient(NodeFixture.ApiKey);

        var created = await admin.PostAsJsonAsync(Webhooks, new { url = "https://127.0.0.1:1/bot123:TOKEN/hook", kinds = AlertKinds, description = "Zalo OA – văn phòng" });
        var body = await created.Content.ReadAsStringAsync();
        var list = await admin.GetStringAsync(Webhooks);

        created.StatusCode.Should().Be(HttpStatusCode.Created, body);
        var webhook = JsonSerializer.Deserialize<JsonElement>(body);
        var id = webhook.GetProperty("id").GetString()!;
        var secret = webhook.GetProperty("secret").GetString()!;
        created.Headers.Location!.ToString().Should().Be($"/api/v1/admin/webhooks/{id}");
        secret.Should().MatchRegex("^whsec_[0-9a-f]{64}$");
        webhook.GetProperty("url").GetString().Should().Be("https://127.0.0.1:1/bot123:TOKEN/hook");
        webhook.GetProperty("kinds").EnumerateArray().Select(k => k.GetString()).Should().Equal("alertStarted", "alertCleared");
        webhook.GetProperty("createdAt").GetDateTimeOffset().Offset.Should().Be(TimeSpan.FromHours(7));
        list.Should().NotContain(secret).And.NotContain("TOKEN").And.NotContainEquivalentOf("secret");
        var listed = JsonSerializer.Deserialize<JsonElement>(list).EnumerateArray().Single(w => w.GetProperty("id").GetString() == id);
        listed.EnumerateObject().Select(p => p.Name).Should().Equal("id", "url", "kinds", "description", "createdAt", "disabledReason");
        listed.GetProperty("url").GetString().Should().Be("https://127.0.0.1:1/…");
        listed.GetProperty("description").GetString().Should().Be("Zalo OA – văn phòng");
    }

    [Theory]
    [InlineData("""{"url":"http://example.org/hook"}""", "url must be https://")]
    [InlineData("""{"url":"http://127.0.0.1:9/hook"}""", "url must be https://")]
    [InlineData("""{}""", "url is missing")]
    [InlineData("""{"url":"https://127.0.0.1:1/","kinds":["hourly","everything"]}""", "kinds[1] 'everything' is not a notice kind")]
    [InlineData("""{"url":"https://127.0.0.1:1/","description":"a\u202Eb"}""", "description")]
    [InlineData("""{"url":""", "The body is not a webhook request")]
    public async Task A_bad_webhook_is_refused_with_400_naming_the_problem(string body, string problem)
    {
        using var admin = fixture.Node.CreateClient(NodeFixture.ApiKey);

        var response = await admin.PostAsync(Webhooks, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain(problem);
    }

    [Fact]
    public async Task A_removed_webhook_leaves_the_list_and_a_second_removal_or_an_unknown_dead_letter_is_404()
    {
        using var admin = fixture.Node.CreateClient(NodeFixture.ApiKey);
        var id = (await (await admin.PostAsJsonAsync(Webhooks, new { url = "https://127.0.0.1:1/removed" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        var removed = await admin.DeleteAsync($"/api/v1/admin/webhooks/{id}");
        var again = await admin.DeleteAsync($"/api/v1/admin/webhooks/{id}");
        var list = await admin.GetStringAsync(Webhooks);
        var dead = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/admin/webhooks/dead-letters?webhook={id}");
        var replay = await admin.PostAsync("/api/v1/admin/webhooks/dead-letters/d_000000000000000000000000/replay", null);

        removed.StatusCode.Should().Be(HttpStatusCode.NoContent);
        again.StatusCode.Should().Be(HttpStatusCode.NotFound);
        list.Should().NotContain(id);
        dead.GetArrayLength().Should().Be(0);
        replay.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("e2e.leader")]
    [InlineData("e2e.auditor")]
    [InlineData("e2e.head.own")]
    public async Task Only_admins_may_register_webhooks_others_get_403(string username)
    {
        var person = await fixture.SessionOf(username);

        var response = await person.SendAsync(HttpMethod.Post, Webhooks, JsonContent.Create(new { url = "https://127.0.0.1:1/not-allowed" }));
        var listed = await person.SendAsync(HttpMethod.Get, Webhooks);

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        listed.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_admin_signed_in_registers_one_too()
    {
        var admin = await fixture.SessionOf("e2e.admin");

        var response = await admin.SendAsync(HttpMethod.Post, Webhooks, JsonContent.Create(new { url = "https://127.0.0.1:1/by-cookie" }));

        response.StatusCode.Should().Be(HttpStatusCode.Created);
    }
}
