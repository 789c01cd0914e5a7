using System.Security.Claims;
using GovPulse.Indicators.Units;
using GovPulse.Security.Keys;
using GovPulse.Security.SignIn;

namespace GovPulse.Security.Access;

/// <summary>
/// Who may read which unit, for the read APIs (<see cref="UnitReadHandler"/>) and the live hub
/// (<see cref="UnitAccessHubFilter"/>): the caller's units, and how far the role matrix
/// (<see cref="ReadMatrix"/>) lets them read each kind of content. Today:
/// <list type="bullet">
/// <item>a person signed in as leader, auditor or admin: every unit and the city-wide lists;</item>
/// <item>a department head: their own unit and the city total; not other units, not the rankings;</item>
/// <item>an API key: the units it is scoped to and the city total; a key for every unit (the
/// bootstrap key, or a key made without units) reads like a leader.</item>
/// </list>
/// </summary>
public sealed class UnitAccess(UnitDirectory directory)
{
    /// <summary>What <paramref name="user"/> reads of <paramref name="kind"/>.</summary>
    public static ReadScope ScopeOf(ClaimsPrincipal user, ReadKind kind)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.Identity is not { IsAuthenticated: true } identity)
        {
            return ReadScope.None;
        }

        if (identity.AuthenticationType == ApiKeyAuthenticationHandler.SchemeName)
        {
            var units = user.FindAll(ApiKeyAuthenticationHandler.IngestClaim).Select(c => c.Value).ToList();
            return ScopeOf(ReadMatrix.ForKey(units.Contains(KeyScope.AllUnits), kind), units, "this key");
        }

        if (identity.AuthenticationType == SessionCookie.Scheme)
        {
            var reach = ReadMatrix.ForPerson(user.FindFirst(ClaimTypes.Role)?.Value, kind);
            return ScopeOf(reach, user.FindAll(PersonClaims.Unit).Select(c => c.Value), "this account");
        }

        return ReadScope.None;
    }

    /// <summary>Why <paramref name="user"/> may not read <paramref name="kind"/> of <paramref name="unitCode"/>; null when they may.</summary>
    public string? RefusalOf(ClaimsPrincipal user, string unitCode, ReadKind kind)
    {
        var scope = ScopeOf(user, kind);
        return scope.CanRead(unitCode)
            ? null
            : $"{Capital(scope.Who)} may read {scope.Describe(directory)}, not unit '{Cut(unitCode)}'.";
    }

    /// <summary>Why <paramref name="user"/> may not read the lists that span every unit (rankings, movers); null when they may.</summary>
    public string? CityWideRefusalOf(ClaimsPrincipal user, ReadKind kind)
    {
        var scope = ScopeOf(user, kind);
        return scope.IsCityWide
            ? null
            : $"The city-wide lists (rankings, movers) show every unit's figures: they are for leaders, auditors, admins and keys for every unit. {Capital(scope.Who)} may read {scope.Describe(directory)}.";
    }

    private static ReadScope ScopeOf(Reach reach, IEnumerable<string> units, string who) => reach switch
    {
        Reach.CityWide => ReadScope.Everything(who),
        Reach.OwnUnits => ReadScope.Only(units, who),
        _ => ReadScope.None,
    };

    private static string Capital(string s) => string.Concat(s[..1].ToUpperInvariant(), s[1..]);

    private static string Cut(string s) => s.Length <= 64 ? s : string.Concat(s.AsSpan(0, 64), "…");
}
