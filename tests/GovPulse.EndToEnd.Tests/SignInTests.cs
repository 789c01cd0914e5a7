using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GovPulse.EndToEnd.Tests.Fixtures;

namespace GovPulse.EndToEnd.Tests;

/// <summary>People sign in with a session cookie and the anti-forgery token; wrong passwords are counted, slowed and lock (per address); disabled users are out.</summary>
[Collection(SecuredNode.Name)]
public sealed class SignInTests(SecuredNodeFixture fixture)
{
    private static readonly Uri Score = new("/api/v1/score", UriKind.Relative);

    [Fact]
    public async Task A_person_signs_in_reads_who_they_are_and_signs_out()
    {
        var password = await fixture.CreateUserAsync("e2e.signin.cycle", "departmentHead", SecuredNodeFixture.OtherUnit);
        using var browser = PersonSession.Anonymous(fixture.Node);

        var before = await browser.Client.GetAsync(PersonSession.Me);
        var login = await browser.SignInAsync("E2E.Signin.Cycle", password);
        var me = await browser.Client.GetFromJsonAsync<JsonElement>(PersonSession.Me);
        var reading = await browser.Client.GetAsync(new Uri($"/api/v1/units/{SecuredNodeFixture.OtherUnit}/indicators", UriKind.Relative));
        var logout = await browser.SendAsync(HttpMethod.Post, PersonSession.Logout);
        var after = await browser.Client.GetAsync(PersonSession.Me);

        before.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        login.StatusCode.Should().Be(HttpStatusCode.OK);
        JsonSerializer.Deserialize<JsonElement>(await login.Content.ReadAsStringAsync()).GetRawText().Should().Be(me.GetRawText());
        me.EnumerateObject().Select(p => p.Name).Should().Equal("username", "displayName", "role", "unitCode");
        me.GetProperty("username").GetString().Should().Be("e2e.signin.cycle", "usernames are kept and compared in lower case");
        me.GetProperty("displayName").GetString().Should().Be("E2E e2e.signin.cycle");
        me.GetProperty("role").GetString().Should().Be("departmentHead");
        me.GetProperty("unitCode").GetString().Should().Be(SecuredNodeFixture.OtherUnit);
        reading.StatusCode.Should().Be(HttpStatusCode.OK);
        logout.StatusCode.Should().Be(HttpStatusCode.NoContent);
        after.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_session_cookie_is_HttpOnly_SameSite_Strict_and_not_secure_on_plain_http()
    {
        using var browser = PersonSession.Anonymous(fixture.Node);

        var login = await browser.SignInAsync("e2e.leader", fixture.People["e2e.leader"]);

        var cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("GovPulse.Session=", StringComparison.Ordinal)).ToLowerInvariant();
        cookie.Should().Contain("httponly").And.Contain("samesite=strict").And.Contain("expires=").And.NotContain("secure;");
        cookie.Should().NotEndWith("secure");
        login.Headers.Location.Should().BeNull("an API never redirects to a sign-in page");
    }

    [Fact]
    public async Task Without_the_antiforgery_token_sign_in_sign_out_and_a_signed_in_post_get_400()
    {
        using var stranger = PersonSession.Anonymous(fixture.Node);
        var leader = await fixture.SessionOf("e2e.leader");
        var counts = JsonContent.Create(new { indicators = new[] { new { code = "ON_TIME_PROCESSING", numerator = 1, denominator = 2 } } });

        var login = await stranger.SendAsync(HttpMethod.Post, PersonSession.Login, JsonContent.Create(new { username = "e2e.leader", password = fixture.People["e2e.leader"] }), antiforgery: false);
        var logout = await leader.SendAsync(HttpMethod.Post, PersonSession.Logout, antiforgery: false);
        var score = await leader.SendAsync(HttpMethod.Post, Score, counts, antiforgery: false);
        var scoreWithToken = await leader.SendAsync(HttpMethod.Post, Score, JsonContent.Create(new { indicators = new[] { new { code = "ON_TIME_PROCESSING", numerator = 1, denominator = 2 } } }));
        var stillSignedIn = await leader.Client.GetAsync(PersonSession.Me);

        login.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await login.Content.ReadAsStringAsync()).Should().Contain("anti-forgery token is missing or not valid");
        logout.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        score.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        scoreWithToken.StatusCode.Should().Be(HttpStatusCode.OK);
        stillSignedIn.StatusCode.Should().Be(HttpStatusCode.OK, "a sign-out without the token did nothing");
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_username_get_the_same_401()
    {
        using var browser = PersonSession.Anonymous(fixture.Node);

        var wrong = await browser.SignInAsync("e2e.auditor", "not the password at all");
        var unknown = await browser.SignInAsync("e2e.nobody.at.all", "not the password at all");

        wrong.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        unknown.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        Detail(await wrong.Content.ReadAsStringAsync()).Should().Be("Wrong username or password.");
        Detail(await unknown.Content.ReadAsStringAsync()).Should().Be("Wrong username or password.");
        (await browser.Client.GetAsync(PersonSession.Me)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_username_from_that_address_with_423_until_an_admin_sets_a_new_password()
    {
        var password = await fixture.CreateUserAsync("e2e.lockout", "leader");
        using var browser = PersonSession.Anonymous(fixture.Node);

        // From the third mistake on, each attempt waits 2 s, then 4 s (429 before that): waited out as Retry-After says.
        var answers = await WrongPasswords.SendAsync(browser, "e2e.lockout", 5);
        var statuses = answers.Select(a => a.StatusCode).ToList();
        var last = answers[^1];

        var body = JsonSerializer.Deserialize<JsonElement>(await last.Content.ReadAsStringAsync());
        var withTheRightPassword = await browser.SignInAsync("e2e.lockout", password);
        var someoneElse = await browser.SignInAsync("e2e.auditor", fixture.People["e2e.auditor"]);
        using var admin = fixture.Node.CreateClient(NodeFixture.ApiKey);
        var newPassword = fixture.NewPassword();
        var reset = await admin.PostAsJsonAsync("/api/v1/admin/users/e2e.lockout/password", new { password = newPassword });
        var afterReset = await browser.SignInAsync("e2e.lockout", newPassword);

        statuses.Should().Equal(HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, (HttpStatusCode)423);
        var lockedUntil = body.GetProperty("lockedUntil").GetDateTimeOffset();
        lockedUntil.Should().BeCloseTo(DateTimeOffset.UtcNow.AddMinutes(15), TimeSpan.FromMinutes(1));
        lockedUntil.Offset.Should().Be(TimeSpan.FromHours(7), "times are said in Vietnam time");
        body.GetProperty("detail").GetString().Should().Contain("locked until").And.Contain(lockedUntil.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        last.Headers.RetryAfter!.Delta.Should().BeCloseTo(TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(1));
        ((int)withTheRightPassword.StatusCode).Should().Be(423, "while locked, even the right password is refused");
        someoneElse.StatusCode.Should().Be(HttpStatusCode.OK, "the lock is per username (and per address: SignInLockoutTests)");
        reset.StatusCode.Should().Be(HttpStatusCode.NoContent);
        afterReset.StatusCode.Should().Be(HttpStatusCode.OK, "a new password from an admin ends the lock");
    }

    [Fact]
    public async Task A_disabled_user_cannot_sign_in_and_their_open_session_stops_working()
    {
        var password = await fixture.CreateUserAsync("e2e.disabled", "auditor");
        using var browser = await PersonSession.SignInAsync(fixture.Node, "e2e.disabled", password);
        using var admin = fixture.Node.CreateClient(NodeFixture.ApiKey);
        var rankings = new Uri("/api/v1/rankings?level=department", UriKind.Relative);
        var readingBefore = await browser.Client.GetAsync(rankings);

        var disable = await admin.PostAsync(new Uri("/api/v1/admin/users/e2e.disabled/disable", UriKind.Relative), null);
        var readingAfter = await browser.Client.GetAsync(rankings);
        using var again = PersonSession.Anonymous(fixture.Node);
        var signIn = await again.SignInAsync("e2e.disabled", password);
        var enable = await admin.PostAsync(new Uri("/api/v1/admin/users/e2e.disabled/enable", UriKind.Relative), null);
        var oldSessionAfterEnable = await browser.Client.GetAsync(rankings);
        var signInAfterEnable = await again.SignInAsync("e2e.disabled", password);

        readingBefore.StatusCode.Should().Be(HttpStatusCode.OK);
        disable.StatusCode.Should().Be(HttpStatusCode.NoContent);
        readingAfter.StatusCode.Should().Be(HttpStatusCode.Unauthorized, "the node that disabled the user refuses the session at once");
        signIn.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        Detail(await signIn.Content.ReadAsStringAsync()).Should().Contain("disabled");
        enable.StatusCode.Should().Be(HttpStatusCode.NoContent);
        oldSessionAfterEnable.StatusCode.Should().Be(HttpStatusCode.Unauthorized, "a session ended by a change stays ended");
        signInAfterEnable.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_new_password_ends_the_users_sessions()
    {
        var password = await fixture.CreateUserAsync("e2e.newpassword", "leader");
        using var browser = await PersonSession.SignInAsync(fixture.Node, "e2e.newpassword", password);
        using var admin = fixture.Node.CreateClient(NodeFixture.ApiKey);

        var reset = await admin.PostAsJsonAsync("/api/v1/admin/users/e2e.newpassword/password", new { password = fixture.NewPassword() });
        var me = await browser.Client.GetAsync(PersonSession.Me);
        var oldPassword = await browser.SignInAsync("e2e.newpassword", password);

        reset.StatusCode.Should().Be(HttpStatusCode.NoContent);
        me.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        oldPassword.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Passwords_never_appear_in_the_nodes_output()
    {
        var password = await fixture.CreateUserAsync("e2e.quiet", "leader");
        using var browser = PersonSession.Anonymous(fixture.Node);
        await browser.SignInAsync("e2e.quiet", "a wrong password, logged?");
        await browser.SignInAsync("e2e.quiet", password);
        using var admin = fixture.Node.CreateClient(NodeFixture.ApiKey);
        await admin.PostAsJsonAsync("/api/v1/admin/users", new { username = "e2e.quiet.bad", displayName = "x", role = "leader", password = "short pw" });
        await admin.PostAsJsonAsync("/api/v1/admin/users/e2e.quiet/password", new { password = fixture.NewPassword() });

        // The log lines of these requests reach the output a moment after the answers.
        await fixture.Node.WaitForOutputAsync("e2e.quiet (leader) signed in", TimeSpan.FromSeconds(20));
        await fixture.Node.WaitForOutputAsync("User e2e.quiet given a new password by bootstrap", TimeSpan.FromSeconds(20));

        var output = fixture.Node.Output;
        output.Should().NotContain("a wrong password, logged?").And.NotContain("short pw");
        foreach (var given in fixture.Passwords)
        {
            output.Should().NotContain(given);
        }

        output.Should().NotContain("AQAAAA", "nor a password hash (Identity's format starts so in base64)");
    }

    private static string Detail(string problem) => JsonSerializer.Deserialize<JsonElement>(problem).GetProperty("detail").GetString()!;
}
