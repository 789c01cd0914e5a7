using System.Net;
using System.Text.Json;
using GovPulse.EndToEnd.Tests.Fixtures;

namespace GovPulse.EndToEnd.Tests;

/// <summary>
/// Wrong passwords lock a username from one client address only, after a progressive delay; the
/// same username still signs in from another address. Addresses come from X-Forwarded-For, which the
/// node believes from its known proxy 127.0.0.1.
/// </summary>
[Collection(HardenedNode.Name)]
public sealed class SignInLockoutTests(HardenedNodeFixture fixture)
{
    [Fact]
    public async Task Five_wrong_passwords_from_one_address_lock_that_address_and_the_right_password_from_another_still_signs_in()
    {
        var password = await fixture.CreateUserAsync("hygiene.admin", "admin");
        using var attacker = fixture.BrowserAt("203.0.113.66");
        using var owner = fixture.BrowserAt("198.51.100.20");

        var wrong = await WrongPasswords.SendAsync(attacker, "hygiene.admin", 5);
        var attackerWithTheRightPassword = await attacker.SignInAsync("hygiene.admin", password);
        var ownerSignIn = await owner.SignInAsync("hygiene.admin", password);

        wrong.Select(a => (int)a.StatusCode).Should().Equal(401, 401, 401, 401, 423);
        var locked = JsonSerializer.Deserialize<JsonElement>(await wrong[^1].Content.ReadAsStringAsync());
        locked.GetProperty("detail").GetString().Should().Contain("from this address is locked until");
        locked.GetProperty("lockedUntil").GetDateTimeOffset().Should().BeCloseTo(DateTimeOffset.UtcNow.AddMinutes(15), TimeSpan.FromMinutes(1));
        ((int)attackerWithTheRightPassword.StatusCode).Should().Be(423, "the locked address is refused even the right password");
        ownerSignIn.StatusCode.Should().Be(HttpStatusCode.OK, "the lock is per (username, address): nobody can lock an admin out from one address");
    }

    [Fact]
    public async Task After_three_wrong_passwords_the_next_attempt_at_once_is_answered_429_with_Retry_After()
    {
        await fixture.CreateUserAsync("hygiene.slowed");
        using var guesser = fixture.BrowserAt("203.0.113.77");

        var wrong = await WrongPasswords.SendAsync(guesser, "hygiene.slowed", 3);
        var atOnce = await guesser.SignInAsync("hygiene.slowed", "one more guess!");

        wrong.Select(a => (int)a.StatusCode).Should().Equal(401, 401, 401);
        wrong[0].Headers.RetryAfter.Should().BeNull("two mistakes cost nothing");
        wrong[2].Headers.RetryAfter!.Delta.Should().BeGreaterThan(TimeSpan.Zero, "the third mistake says how long the next attempt must wait");
        atOnce.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        atOnce.Headers.RetryAfter!.Delta.Should().BeGreaterThan(TimeSpan.Zero).And.BeLessThanOrEqualTo(TimeSpan.FromSeconds(1), "the node's longest wait is 1 s");
        var body = JsonSerializer.Deserialize<JsonElement>(await atOnce.Content.ReadAsStringAsync());
        body.GetProperty("detail").GetString().Should().StartWith("Too many wrong passwords for this username from this address: wait");
        body.GetProperty("retryAfter").GetInt32().Should().BeGreaterThan(0);
    }
}
