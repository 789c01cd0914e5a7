using GovPulse.Security.Access;
using GovPulse.Security.Audit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace GovPulse.Notifications.Push;

/// <summary>
/// The VAPID public key: for a signed-in person's browser to subscribe with
/// (<c>GET /api/v1/push/public-key</c>), and for admins to read and rotate
/// (<c>GET /api/v1/admin/push/keys</c>, <c>POST /api/v1/admin/push/keys/rotate</c>).
/// </summary>
public static class PushKeysApi
{
    public static IEndpointRouteBuilder MapPushKeysApi(this IEndpointRouteBuilder api, string adminPolicy)
    {
        api.MapGet("/push/public-key", (VapidKeys keys) => TypedResults.Ok(new PushPublicKey(keys.Current.PublicKey)))
            .RequireAuthorization(AccessPolicies.Person)
            .WithName("GetPushPublicKey")
            .WithSummary("The VAPID public key browsers subscribe with (applicationServerKey)")
            .WithTags("Push");
        api.MapGet("/admin/push/keys", (VapidKeys keys) => TypedResults.Ok(PushKeysView.Of(keys.Current, keys.IsConfigured)))
            .RequireAuthorization(adminPolicy)
            .Audited()
            .WithName("GetPushKeys")
            .WithSummary("The node's VAPID public key, when it was made and where it is kept (admins)")
            .WithTags("Admin");
        api.MapPost("/admin/push/keys/rotate", Rotate)
            .RequireAuthorization(adminPolicy)
            .Audited()
            .WithName("RotatePushKeys")
            .WithSummary("Makes a new VAPID key pair; browsers subscribed under the old one must subscribe again (admins)")
            .WithTags("Admin");
        return api;
    }

    private static Results<Ok<PushKeysView>, ProblemHttpResult> Rotate(VapidKeys keys)
    {
        try
        {
            return TypedResults.Ok(PushKeysView.Of(keys.Rotate(), configured: false));
        }
        catch (InvalidOperationException configured)
        {
            return TypedResults.Problem(configured.Message, statusCode: StatusCodes.Status409Conflict, title: "The VAPID keys cannot be rotated here");
        }
    }
}
