using GovPulse.Security.SignIn;
using GovPulse.Security.Users;
using Microsoft.AspNetCore.SignalR;

namespace GovPulse.Security.Access;

/// <summary>
/// The live hub's unit rule: a hub method with a <c>unitCode</c> parameter (<c>Subscribe</c>) runs
/// only for a unit the caller reads (<see cref="UnitAccess"/>); otherwise the caller gets a
/// <see cref="HubException"/> with the reason. Connecting needs a reader (the hub's endpoint carries
/// <see cref="AccessPolicies.Reader"/>); a person's session is checked again at every call, so a user
/// disabled since connecting cannot subscribe to anything more.
/// </summary>
public sealed class UnitAccessHubFilter(UnitAccess access, UserDirectory users) : IHubFilter
{
    public const string UnitParameter = "unitCode";

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(invocationContext);
        ArgumentNullException.ThrowIfNull(next);
        var user = invocationContext.Context.User;
        if (user?.Identity is { IsAuthenticated: true, AuthenticationType: SessionCookie.Scheme, Name: { } username }
            && !SessionCookie.IsCurrent(user, await users.FindAsync(username)))
        {
            invocationContext.Context.Abort();
            throw new HubException("This session has ended (the account was disabled or changed); sign in again.");
        }

        var parameters = invocationContext.HubMethod.GetParameters();
        for (var i = 0; i < parameters.Length && i < invocationContext.HubMethodArguments.Count; i++)
        {
            if (parameters[i].Name == UnitParameter && invocationContext.HubMethodArguments[i] is string unit
                && access.RefusalOf(user ?? new(), unit) is { } refusal)
            {
                throw new HubException(refusal);
            }
        }

        return await next(invocationContext);
    }
}
