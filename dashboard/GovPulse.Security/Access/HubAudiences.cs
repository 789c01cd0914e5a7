using System.Security.Claims;

namespace GovPulse.Security.Access;

/// <summary>
/// The hub's groups by read scope: a message that spans units goes to the group of the callers who
/// may read it over the API, never to every connection. A connection joins its groups when it opens
/// (<see cref="UnitAccessHubFilter"/>); a unit's <c>scorecard</c> goes to that unit's subscribers,
/// each checked when subscribing.
/// </summary>
public static class HubAudiences
{
    /// <summary>Callers who read figures city-wide (as <c>/api/v1/rankings</c>): the <c>hourly</c> summary, with every unit's rank and change, goes to them.</summary>
    public const string CityWideFigures = "read:figures:city-wide";

    /// <summary>The groups a connection of <paramref name="user"/> belongs to.</summary>
    public static IReadOnlyList<string> Of(ClaimsPrincipal user) =>
        UnitAccess.ScopeOf(user, ReadKind.Figures).IsCityWide ? [CityWideFigures] : [];
}
