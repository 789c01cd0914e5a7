using System.Collections.Frozen;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace GovPulse.Security.Access;

/// <summary>
/// Which unit an endpoint of the read API shows, read from the endpoint itself: the <c>{code}</c>
/// route value when its route has one. The endpoints without a unit in their route show every unit
/// (rankings, movers), so they are city-wide — except the few listed here, which show no unit's figures.
/// A new endpoint about one unit names its route value <c>{code}</c>, as the others do; under any other
/// name it is judged city-wide (refused to department heads and scoped keys), never open.
/// </summary>
public static class ReadRules
{
    public const string UnitRouteValue = "code";

    /// <summary>Routes without a unit that any reader may use: the list of units (names and codes, as the national portal publishes them), the what-if calculator (it scores the counts it is given) and an export's manifest (hashes and counts, no figures).</summary>
    public static IReadOnlySet<string> OpenToEveryReader { get; } = new[]
    {
        "/api/v1/units",
        "/api/v1/score",
        "/api/v1/exports/manifests/{sha256}",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Routes that show figures (scores, indicators, rankings, history, charts), not dossiers. Any other
    /// route of the read API is judged as showing dossiers (<see cref="ReadKind"/>): when the role matrix
    /// opens figures wider than dossiers, a route forgotten here stays closed rather than opens.
    /// </summary>
    public static IReadOnlySet<string> FigureRoutes { get; } = new[]
    {
        "/api/v1/units/{code}/indicators",
        "/api/v1/units/{code}/comparison",
        "/api/v1/units/{code}/history",
        "/api/v1/units/{code}/trend",
        "/api/v1/units/{code}/charts/trend.svg",
        "/api/v1/units/{code}/charts/today.svg",
        "/api/v1/rankings",
        "/api/v1/rankings/movers",
        "/api/v1/exports/rankings",
        "/api/v1/exports/units/{code}/scorecard",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>What the endpoint shows: <see cref="ReadKind.Figures"/> when listed in <see cref="FigureRoutes"/>, else dossiers.</summary>
    public static ReadKind KindOf(Endpoint? endpoint) =>
        endpoint is RouteEndpoint { RoutePattern.RawText: { } pattern } && FigureRoutes.Contains(Normalise(pattern)) ? ReadKind.Figures : ReadKind.Dossiers;

    /// <summary>The unit the request is about, or null for an endpoint without one.</summary>
    public static string? UnitOf(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.GetRouteValue(UnitRouteValue) as string;
    }

    /// <summary>Whether the endpoint, having no unit, may be used by any reader.</summary>
    public static bool IsOpenToEveryReader(Endpoint? endpoint) =>
        endpoint is RouteEndpoint { RoutePattern.RawText: { } pattern } && OpenToEveryReader.Contains(Normalise(pattern));

    private static string Normalise(string pattern)
    {
        var trimmed = pattern.TrimEnd('/');
        return trimmed.StartsWith('/') ? trimmed : "/" + trimmed;
    }
}
