using GovPulse.Notifications.Limits;
using GovPulse.Notifications.Notices;
using GovPulse.Notifications.Subscriptions;
using GovPulse.Security.Access;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace GovPulse.Notifications.Push;

/// <summary>
/// <c>POST /api/v1/push/test</c>: one test notice to each of the caller's subscriptions, answered
/// once every push service has answered (retries included), with what they did.
/// </summary>
public static class PushTestApi
{
    public static IEndpointRouteBuilder MapPushTestApi(this IEndpointRouteBuilder api)
    {
        api.MapPost("/push/test", Send)
            .RequireAuthorization(AccessPolicies.Person)
            .RequireRateLimiting(PersonChangeRateLimit.PolicyName)
            .WithName("SendTestPush")
            .WithSummary("Sends one test notification to each of the signed-in person's subscriptions; answers what the push services did")
            .WithTags("Push");
        return api;
    }

    /// <summary>The test notice for <paramref name="username"/> at <paramref name="now"/>.</summary>
    public static Notice TestNotice(string username, DateTimeOffset now) => new(
        $"test/{now.ToUnixTimeMilliseconds()}/{username}",
        NoticeKind.Test,
        new NoticeText("GovPulse: thông báo thử", "GovPulse: test notification"),
        new NoticeText("Thiết bị này sẽ nhận số liệu và cảnh báo của GovPulse.", "This device will receive GovPulse figures and alerts."),
        "/#/",
        "test",
        NoticeUrgency.Normal,
        TimeSpan.FromHours(1),
        now);

    private static async Task<Ok<PushTestAnswer>> Send(
        HttpContext http, IPushSubscriptionStore store, IPushSender sender, TimeProvider time, CancellationToken cancellationToken)
    {
        var username = PushSubscriptionsApi.Username(http);
        var notice = TestNotice(username, time.GetUtcNow());
        var own = await store.ListAsync(username, cancellationToken);
        var outcomes = await Task.WhenAll(own.Select(s => sender.SendAsync(s, notice, cancellationToken)));
        return TypedResults.Ok(new PushTestAnswer(
            outcomes.Count(o => o == PushOutcome.Sent), outcomes.Count(o => o == PushOutcome.Removed), outcomes.Count(o => o == PushOutcome.Failed)));
    }
}
