using Microsoft.AspNetCore.SignalR;

namespace GovPulse.Security.Access;

/// <summary>
/// The live hub's access rules. A connection opens only for a caller whose sign-in holds, joins the
/// groups of its read scope (<see cref="HubAudiences"/>) and is tracked, so it is closed when its key
/// is revoked, its session signed out or its user disabled (<see cref="HubCallers"/>). Every hub method
/// call checks the sign-in again, and a method with a <c>unitCode</c> parameter (<c>Subscribe</c>) runs
/// only for a unit whose figures the caller reads (<see cref="UnitAccess"/>); otherwise the caller gets a
/// <see cref="HubException"/> with the reason. Connecting needs a reader (the hub's endpoint carries
/// <see cref="AccessPolicies.Reader"/>).
/// </summary>
public sealed class UnitAccessHubFilter(UnitAccess access, CallerStanding standing, HubCallers callers) : IHubFilter
{
    public const string UnitParameter = "unitCode";

    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var connection = context.Context;
        // Tracked first: a revocation from here on finds the connection; one before it is seen just below.
        callers.Add(connection);
        if (await standing.EndedAsync(connection.User, connection.ConnectionAborted) is { } ended)
        {
            callers.Remove(connection.ConnectionId);
            throw new HubException(ended);
        }

        foreach (var group in HubAudiences.Of(connection.User ?? new()))
        {
            await context.Hub.Groups.AddToGroupAsync(connection.ConnectionId, group, connection.ConnectionAborted);
        }

        await next(context);
    }

    public Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        callers.Remove(context.Context.ConnectionId);
        return next(context, exception);
    }

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(invocationContext);
        ArgumentNullException.ThrowIfNull(next);
        var user = invocationContext.Context.User;
        if (await standing.EndedAsync(user) is { } ended)
        {
            callers.Remove(invocationContext.Context.ConnectionId);
            invocationContext.Context.Abort();
            throw new HubException(ended);
        }

        var parameters = invocationContext.HubMethod.GetParameters();
        for (var i = 0; i < parameters.Length && i < invocationContext.HubMethodArguments.Count; i++)
        {
            if (parameters[i].Name == UnitParameter && invocationContext.HubMethodArguments[i] is string unit
                && access.RefusalOf(user ?? new(), unit, ReadKind.Figures) is { } refusal)
            {
                throw new HubException(refusal);
            }
        }

        return await next(invocationContext);
    }
}
