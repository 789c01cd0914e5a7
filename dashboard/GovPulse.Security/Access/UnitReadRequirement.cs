using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;

namespace GovPulse.Security.Access;

/// <summary>The read API's unit rule (<see cref="AccessPolicies.UnitReader"/>).</summary>
public sealed class UnitReadRequirement : IAuthorizationRequirement;

/// <summary>
/// Checks the unit rule against the endpoint being called, for what it shows (figures or dossiers,
/// <see cref="ReadRules.KindOf"/>): its <c>{code}</c> must be a unit the caller reads; without one, the caller must read city-wide unless the endpoint is open to every
/// reader. A refusal carries its reason, which the 403's problem body shows.
/// </summary>
public sealed class UnitReadHandler(UnitAccess access) : AuthorizationHandler<UnitReadRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, UnitReadRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Resource is not HttpContext http || context.User.Identity?.IsAuthenticated != true)
        {
            return Task.CompletedTask; // no request to judge, or nobody: the policy's authenticated-user rule answers 401
        }

        string? refusal;
        var endpoint = http.GetEndpoint();
        var kind = ReadRules.KindOf(endpoint);
        if (ReadRules.UnitOf(http) is { } unit)
        {
            refusal = access.RefusalOf(context.User, unit, kind);
        }
        else
        {
            refusal = ReadRules.IsOpenToEveryReader(endpoint) ? null : access.CityWideRefusalOf(context.User, kind);
        }

        if (refusal is null)
        {
            context.Succeed(requirement);
        }
        else
        {
            context.Fail(new AuthorizationFailureReason(this, refusal));
        }

        return Task.CompletedTask;
    }
}
