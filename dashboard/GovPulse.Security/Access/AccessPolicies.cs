namespace GovPulse.Security.Access;

/// <summary>The authorization policies of the read side (the admin policy lives with operations).</summary>
public static class AccessPolicies
{
    /// <summary>Anyone known: a signed-in person (any role) or a valid API key. The hub and the few endpoints that show no unit's figures.</summary>
    public const string Reader = "reader";

    /// <summary>
    /// <see cref="Reader"/>, and the endpoint's unit rule (<see cref="UnitReadRequirement"/>): an endpoint
    /// with a <c>{code}</c> in its route needs that unit; one without needs a city-wide reader, unless it
    /// is one of <see cref="ReadRules.OpenToEveryReader"/>. Applied to the whole read-API group, so a new
    /// endpoint gets it without anyone remembering to.
    /// </summary>
    public const string UnitReader = "unit-reader";

    /// <summary>A person signed in with the session cookie (not a key).</summary>
    public const string Person = "person";
}
