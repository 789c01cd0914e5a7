using GovPulse.Indicators.Units;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace GovPulse.Dashboard.Queries;

/// <summary>
/// The checks every read endpoint shares, as endpoint filters on a route group: a <c>{code}</c> that
/// names no unit answers 404, and a query value that did not parse (<see cref="IQueryValue"/>)
/// answers 400 with its reason, both as problem details and before the handler runs.
/// </summary>
public static class QueryChecks
{
    public const string UnitRouteValue = "code";

    /// <summary>Adds both checks to every endpoint of the group (unknown unit first: a 404 says more than a 400).</summary>
    public static TBuilder WithQueryChecks<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.AddEndpointFilter(KnownUnitAsync);
        builder.AddEndpointFilter(ValidQueryAsync);
        return builder;
    }

    /// <summary>The problem for a code that names no unit.</summary>
    public static IResult UnknownUnit(string code) => TypedResults.Problem(
        $"unit '{Security.EchoedInput.Cut(code)}' is not a known unit; GET /api/v1/units lists them", statusCode: StatusCodes.Status404NotFound);

    private static async ValueTask<object?> KnownUnitAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (context.HttpContext.GetRouteValue(UnitRouteValue) is string code
            && !context.HttpContext.RequestServices.GetRequiredService<UnitDirectory>().Contains(code))
        {
            return UnknownUnit(code);
        }

        return await next(context);
    }

    private static async ValueTask<object?> ValidQueryAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        foreach (var argument in context.Arguments)
        {
            if (argument is IQueryValue { Problem: { } error })
            {
                return TypedResults.Problem(error, statusCode: StatusCodes.Status400BadRequest);
            }
        }

        return await next(context);
    }
}
