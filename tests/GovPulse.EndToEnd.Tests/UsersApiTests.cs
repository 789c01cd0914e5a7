using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GovPulse.EndToEnd.Tests.Fixtures;

namespace GovPulse.EndToEnd.Tests;

/// <summary>The users admin API: clear refusals, no hashes ever shown, and admins signed in by cookie as well as the bootstrap key.</summary>
[Collection(SecuredNode.Name)]
public sealed class UsersApiTests(SecuredNodeFixture fixture)
{
    private static readonly Uri Users = new("/api/v1/admin/users", UriKind.Relative);

    [Fact]
    public async Task A_new_user_is_answered_201_without_its_password_or_hash_and_listed_likewise()
    {
        using var admin = fixture.Node.CreateClient(NodeFixture.ApiKey);
        var password = fixture.NewPassword();

        var created = await admin.PostAsJsonAsync(Users, new { username = "Tran.Thi.Binh", displayName = "Trần Thị Bình", role = "departmentHead", unitCode = "26737", password });
        var body = await created.Content.ReadAsStringAsync();
        var list = await admin.GetStringAsync(Users);
        var one = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/users/tran.thi.binh");

        created.StatusCode.Should().Be(HttpStatusCode.Created);
        created.Headers.Location!.ToString().Should().Be("/api/v1/admin/users/tran.thi.binh");
        var user = JsonSerializer.Deserialize<JsonElement>(body);
        user.EnumerateObject().Select(p => p.Name).Should().Equal("username", "displayName", "role", "unitCode", "disabled", "createdAt", "changedAt");
        user.GetProperty("username").GetString().Should().Be("tran.thi.binh");
        user.GetProperty("displayName").GetString().Should().Be("Trần Thị Bình");
        user.GetProperty("unitCode").GetString().Should().Be("26737");
        user.GetProperty("disabled").GetBoolean().Should().BeFalse();
        user.GetProperty("createdAt").GetDateTimeOffset().Offset.Should().Be(TimeSpan.FromHours(7));
        one.GetRawText().Should().Be(user.GetRawText());
        body.Should().NotContain(password).And.NotContainEquivalentOf("hash");
        list.Should().NotContain(password);
        var listed = JsonSerializer.Deserialize<JsonElement>(list).EnumerateArray().ToList();
        listed.Should().OnlyContain(u => u.EnumerateObject().Select(p => p.Name).SequenceEqual(user.EnumerateObject().Select(p => p.Name)), "no list entry carries more than the user view");
        listed.Select(u => u.GetProperty("username").GetString())
            .Should().Contain(["tran.thi.binh", "e2e.leader", "e2e.admin"]).And.BeInAscendingOrder(StringComparer.Ordinal);
    }

    [Theory]
    [InlineData("""{"username":"ab","displayName":"A","role":"leader","password":"long enough password"}""", "username 'ab' is not a username")]
    [InlineData("""{"username":"e2e.badrole","displayName":"A","role":"mayor","password":"long enough password"}""", "role 'mayor' is not one of leader, departmentHead, auditor, admin")]
    [InlineData("""{"username":"e2e.nounit","displayName":"A","role":"departmentHead","password":"long enough password"}""", "unitCode is missing; a departmentHead reads one unit")]
    [InlineData("""{"username":"e2e.city","displayName":"A","role":"departmentHead","unitCode":"79","password":"long enough password"}""", "unitCode '79' is the city as a whole")]
    [InlineData("""{"username":"e2e.nowhere","displayName":"A","role":"departmentHead","unitCode":"99999","password":"long enough password"}""", "unitCode '99999' is not a known unit")]
    [InlineData("""{"username":"e2e.leaderunit","displayName":"A","role":"leader","unitCode":"26737","password":"long enough password"}""", "unitCode is only for a departmentHead")]
    [InlineData("""{"username":"e2e.short","displayName":"A","role":"leader","password":"eleven char"}""", "password is 11 characters long; at least 12 are needed")]
    [InlineData("""{"username":"e2e.nopass","displayName":"A","role":"leader"}""", "password is missing")]
    [InlineData("""{"username":"e2e.samepass","displayName":"A","role":"leader","password":"e2e.samepass-2026"}""", "password contains the username")]
    [InlineData("""{"username":"e2e.noname","role":"leader","password":"long enough password"}""", "displayName is missing")]
    [InlineData("""{"username":"e2e.json","displayName":"A","role":"leader","password":""", "The body is not valid JSON")]
    public async Task A_bad_user_is_refused_with_400_naming_the_problem(string body, string problem)
    {
        using var admin = fixture.Node.CreateClient(NodeFixture.ApiKey);

        var response = await admin.PostAsync(Users, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var detail = JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync()).GetProperty("detail").GetString();
        detail.Should().Contain(problem);
        detail.Should().NotContain("long enough password", "a password is never repeated back");
    }

    [Fact]
    public async Task A_taken_username_is_409_and_an_unknown_one_404()
    {
        using var admin = fixture.Node.CreateClient(NodeFixture.ApiKey);

        var taken = await admin.PostAsJsonAsync(Users, new { username = "E2E.Leader", displayName = "x", role = "leader", password = fixture.NewPassword() });
        var unknown = await admin.PostAsync(new Uri("/api/v1/admin/users/e2e.ghost/disable", UriKind.Relative), null);
        var unknownGet = await admin.GetAsync(new Uri("/api/v1/admin/users/e2e.ghost", UriKind.Relative));

        taken.StatusCode.Should().Be(HttpStatusCode.Conflict);
        unknown.StatusCode.Should().Be(HttpStatusCode.NotFound);
        unknownGet.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_admin_signed_in_by_cookie_manages_users_with_the_antiforgery_token()
    {
        var admin = await fixture.SessionOf("e2e.admin");
        var password = fixture.NewPassword();
        var user = new { username = "e2e.by.cookie", displayName = "Made by a signed-in admin", role = "auditor", password };

        var withoutToken = await admin.SendAsync(HttpMethod.Post, Users, JsonContent.Create(user), antiforgery: false);
        var withToken = await admin.SendAsync(HttpMethod.Post, Users, JsonContent.Create(user));
        var list = await admin.Client.GetAsync(Users);
        var keys = await admin.Client.GetAsync(new Uri("/api/v1/admin/keys", UriKind.Relative));
        var metrics = await admin.Client.GetAsync(new Uri("/metrics", UriKind.Relative));

        withoutToken.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        withToken.StatusCode.Should().Be(HttpStatusCode.Created);
        list.StatusCode.Should().Be(HttpStatusCode.OK);
        keys.StatusCode.Should().Be(HttpStatusCode.OK, "the admin role is the same whether it comes from the bootstrap key or a sign-in");
        metrics.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Only_admins_may_read_the_OpenAPI_document_and_the_reference_outside_Development()
    {
        using var anonymous = PersonSession.Anonymous(fixture.Node);
        var leader = await fixture.SessionOf("e2e.leader");
        var admin = await fixture.SessionOf("e2e.admin");
        using var bootstrap = fixture.Node.CreateClient(NodeFixture.ApiKey);
        var document = new Uri("/openapi/v1.json", UriKind.Relative);
        var reference = new Uri("/api/reference/", UriKind.Relative);

        (await anonymous.Client.GetAsync(document)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await leader.Client.GetAsync(document)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await admin.Client.GetAsync(document)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await bootstrap.GetAsync(document)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await anonymous.Client.GetAsync(reference)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var page = await admin.Client.GetAsync(reference);
        page.StatusCode.Should().Be(HttpStatusCode.OK);
        (await page.Content.ReadAsStringAsync()).Should().Contain("GovPulse API");
    }

    [Fact]
    public async Task The_web_page_and_its_files_are_served_without_sign_in()
    {
        using var anonymous = PersonSession.Anonymous(fixture.Node);

        foreach (var file in new[] { "/", "/index.html", "/app.js", "/app.css", "/lib/signalr.min.js", "/manifest.webmanifest", "/sw.js" })
        {
            var response = await anonymous.Client.GetAsync(new Uri(file, UriKind.Relative));
            response.StatusCode.Should().Be(HttpStatusCode.OK, file);
        }
    }
}
