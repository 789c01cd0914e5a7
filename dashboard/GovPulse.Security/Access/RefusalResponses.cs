using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;

namespace GovPulse.Security.Access;

/// <summary>
/// A 403 says why, as a problem body: the unit rule's reason (<see cref="UnitReadHandler"/>), or the
/// role the endpoint needs. Everything else (401 challenges, success) goes the framework's way; the
/// session cookie answers its challenges with 401, never a redirect (<see cref="SignIn.SessionCookieEvents"/>).
/// </summary>
public sealed class RefusalResponses : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        if (!authorizeResult.Forbidden || context.Response.HasStarted)
        {
            await _default.HandleAsync(next, context, policy, authorizeResult);
            return;
        }

        var reasons = authorizeResult.AuthorizationFailure?.FailureReasons.Select(r => r.Message).Where(m => m.Length > 0).Distinct().ToList() ?? [];
        var roles = policy.Requirements.OfType<RolesAuthorizationRequirement>().SelectMany(r => r.AllowedRoles).Distinct().ToList();
        var detail = reasons.Count > 0
            ? string.Join(" ", reasons)
            : roles.Count > 0
                ? $"This needs the {string.Join(" or ", roles)} role: {(roles.Contains(Roles.Admin) ? "an admin signed in, or the bootstrap key" : "a person signed in with it")}."
                : "This sign-in or key may not do this.";
        await TypedResults.Problem(detail, statusCode: StatusCodes.Status403Forbidden, title: "Not allowed").ExecuteAsync(context);
    }
}
