using GovPulse.Notifications.Limits;
using GovPulse.Notifications.Subscriptions;
using GovPulse.Security.Access;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace GovPulse.Notifications.Push;

/// <summary>
/// A signed-in person's push subscriptions (<c>/api/v1/push/subscriptions</c>): add one (the same
/// browser again replaces its own), list their own, remove one of their own.
/// </summary>
public static class PushSubscriptionsApi
{
    /// <summary>A PushSubscription.toJSON() with choices is well under 1 KB; 8 KB leaves room and nothing more.</summary>
    public const int MaxBodyBytes = 8 * 1024;

    public static IEndpointRouteBuilder MapPushSubscriptionsApi(this IEndpointRouteBuilder api)
    {
        api.MapPost("/push/subscriptions", Add)
            .RequireAuthorization(AccessPolicies.Person)
            .WithMetadata(new RequestSizeLimitAttribute(MaxBodyBytes))
            .RequireRateLimiting(PersonChangeRateLimit.PolicyName)
            .WithName("AddPushSubscription")
            .WithSummary("Subscribes a browser of the signed-in person to Web Push (the same browser again replaces its subscription)")
            .WithTags("Push");
        api.MapGet("/push/subscriptions", List)
            .RequireAuthorization(AccessPolicies.Person)
            .WithName("ListPushSubscriptions")
            .WithSummary("The signed-in person's push subscriptions (endpoints shortened, never keys)")
            .WithTags("Push");
        api.MapDelete("/push/subscriptions/{id}", Remove)
            .RequireAuthorization(AccessPolicies.Person)
            .RequireRateLimiting(PersonChangeRateLimit.PolicyName)
            .WithName("RemovePushSubscription")
            .WithSummary("Removes one of the signed-in person's push subscriptions")
            .WithTags("Push");
        return api;
    }

    private static async Task<Results<Created<PushSubscriptionView>, ProblemHttpResult>> Add(
        PushSubscriptionRequest? request, HttpContext http, IPushSubscriptionStore store, IOptions<PushOptions> options, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var username = Username(http);
        if (PushSubscriptionRules.Check(request, username, options.Value.AllowLoopbackEndpoints, time.GetUtcNow(), out var error) is not { } subscription)
        {
            return Problem(error!);
        }

        var own = await store.ListAsync(username, cancellationToken);
        var max = options.Value.MaxSubscriptionsPerPerson;
        if (own.Count >= max && own.All(s => s.Id != subscription.Id))
        {
            return Problem($"you have {own.Count} push subscriptions, the most one person may have ({max}): remove one you no longer use (DELETE /api/v1/push/subscriptions/{{id}})");
        }

        await store.AddAsync(subscription, cancellationToken);
        return TypedResults.Created($"/api/v1/push/subscriptions/{subscription.Id}", PushSubscriptionView.Of(subscription));
    }

    private static async Task<Ok<List<PushSubscriptionView>>> List(HttpContext http, IPushSubscriptionStore store, CancellationToken cancellationToken)
    {
        var own = await store.ListAsync(Username(http), cancellationToken);
        return TypedResults.Ok(own.Select(PushSubscriptionView.Of).ToList());
    }

    private static async Task<Results<NoContent, NotFound>> Remove(string id, HttpContext http, IPushSubscriptionStore store, CancellationToken cancellationToken) =>
        await store.RemoveAsync(id, Username(http), cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();

    /// <summary>The signed-in person (the Person policy guarantees one).</summary>
    internal static string Username(HttpContext http) =>
        http.User.Identity?.Name ?? throw new InvalidOperationException("A person endpoint was reached without a signed-in person");

    private static ProblemHttpResult Problem(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "The push subscription is not valid");
}
