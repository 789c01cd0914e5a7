using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GovPulse.EndToEnd.Tests.Fixtures;

namespace GovPulse.EndToEnd.Tests.Notifications;

/// <summary>
/// A person's changes to their notifications (subscriptions, test sends, alert rules) are limited per
/// person: a loop gets 429 with <c>Retry-After</c> after a minute's worth, and another person is not held up.
/// </summary>
[Collection(SecuredNode.Name)]
public sealed class PersonChangeRateLimitTests(SecuredNodeFixture fixture)
{
    /// <summary>GovPulse.Notifications.Limits.PersonChangeRateLimit.ChangesPerMinute.</summary>
    private const int ChangesPerMinute = 60;

    [Fact]
    public async Task A_person_who_keeps_changing_is_refused_with_a_time_to_retry_and_others_are_not()
    {
        var name = "e2e.changes." + Guid.NewGuid().ToString("N")[..6];
        var password = await fixture.CreateUserAsync(name, "leader");
        using var person = await PersonSession.SignInAsync(fixture.Node, name, password);
        var missing = new Uri("/api/v1/alerts/al_0000000000000000", UriKind.Relative);

        HttpResponseMessage? refused = null;
        var allowed = 0;
        for (var i = 0; i < ChangesPerMinute + 10 && refused is null; i++)
        {
            var response = await person.SendAsync(HttpMethod.Delete, missing);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                refused = response;
            }
            else
            {
                response.StatusCode.Should().Be(HttpStatusCode.NotFound);
                allowed++;
                response.Dispose();
            }
        }

        using (refused)
        {
            refused.Should().NotBeNull($"{ChangesPerMinute + 10} changes in a row exceed {ChangesPerMinute} a minute");
            allowed.Should().BeInRange(ChangesPerMinute, ChangesPerMinute + 5, "a minute's worth passes, refilled one a second");
            refused!.Headers.RetryAfter!.Delta.Should().BePositive();
            var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
            problem.GetProperty("changesPerMinute").GetInt32().Should().Be(ChangesPerMinute);
        }

        var other = await fixture.SessionOf("e2e.auditor");
        using var theirs = await other.SendAsync(HttpMethod.Delete, missing);
        theirs.StatusCode.Should().Be(HttpStatusCode.NotFound, "the limit is per person");
    }
}
