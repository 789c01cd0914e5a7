using System.Collections.Frozen;
using System.Security.Claims;

namespace GovPulse.Security.Keys;

/// <summary>
/// The units a key may send events for: a commune's key sends that commune's events and no one
/// else's. Read from the key's <see cref="ApiKeyAuthenticationHandler.IngestClaim"/> claims.
/// </summary>
public sealed class KeyScope
{
    /// <summary>The ingest claim's value for a key valid for every unit.</summary>
    public const string AllUnits = "*";

    /// <summary>How many of a key's units a refusal names before "and N more".</summary>
    private const int NamedInMessage = 10;

    private readonly FrozenSet<string>? _units;
    private readonly string _named;

    private KeyScope(IReadOnlyList<string>? units)
    {
        if (units is null)
        {
            _named = "every unit";
            return;
        }

        _units = units.ToFrozenSet(StringComparer.Ordinal);
        _named = units.Count <= NamedInMessage
            ? string.Join(", ", units)
            : $"{string.Join(", ", units.Take(NamedInMessage))} and {units.Count - NamedInMessage} more";
    }

    public static KeyScope Everything { get; } = new(null);

    /// <summary>Only these units (none when empty).</summary>
    public static KeyScope Only(IReadOnlyList<string> units) => new(units);

    /// <summary>The scope of an authenticated key: every unit for <c>*</c>, else the units it names (none without ingest claims).</summary>
    public static KeyScope Of(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var units = user.FindAll(ApiKeyAuthenticationHandler.IngestClaim).Select(c => c.Value).Distinct(StringComparer.Ordinal).ToList();
        return units.Contains(AllUnits) ? Everything : Only(units);
    }

    public bool Allows(string unitCode) => _units is null || _units.Contains(unitCode);

    /// <summary>True when the key may send every unit's events.</summary>
    public bool IsEverything => _units is null;

    /// <summary>The units, as a refusal names them ("every unit", or the first few and how many more).</summary>
    public string Named => _named;
}
