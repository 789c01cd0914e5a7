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
/// <item>a person signed in as leader, auditor or admin: everything, every unit;</item>
/// <item>a department head: every unit's figures and the rankings; the dossiers of their own unit only;</item>
/// <item>an API key: every unit's figures, and the dossiers of the units it is scoped to; a key for
/// every unit (the bootstrap key, or a key made without units) reads like a leader.</item>
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
            : $"{Capital(scope.Who)} may read the {Noun(kind)} of {scope.Describe(directory)}, not those of unit '{EchoedInput.Cut(unitCode)}'.";
    }

    /// <summary>Why <paramref name="user"/> may not read a list that spans every unit (rankings, movers; a city-wide list of dossiers); null when they may.</summary>
    public string? CityWideRefusalOf(ClaimsPrincipal user, ReadKind kind)
    {
        var scope = ScopeOf(user, kind);
        var what = kind == ReadKind.Figures
            ? "The city-wide lists (rankings, movers) show every unit's figures: they are for signed-in people and API keys."
            : "A city-wide list of dossiers shows every unit's dossiers: it is for leaders, auditors, admins and keys for every unit.";
        return scope.IsCityWide ? null : $"{what} {Capital(scope.Who)} may read the {Noun(kind)} of {scope.Describe(directory)}.";
    }

    private static string Noun(ReadKind kind) => kind == ReadKind.Figures ? "figures" : "dossiers";

    private static ReadScope ScopeOf(Reach reach, IEnumerable<string> units, string who) => reach switch
    {
        Reach.CityWide => ReadScope.Everything(who),
        Reach.OwnUnits => ReadScope.Only(units, who),
        _ => ReadScope.None,
    };

    private static string Capital(string s) => string.Concat(s[..1].ToUpperInvariant(), s[1..]);

}
