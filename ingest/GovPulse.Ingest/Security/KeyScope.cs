using System.Collections.Frozen;
using System.Security.Claims;
using GovPulse.Ingest.Wire;

namespace GovPulse.Ingest.Security;

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

    /// <summary>
    /// Refuses the lines of units outside the scope (as rejections, the batch's other lines kept);
    /// <see cref="ScopedBatch.AllRefused"/> when every line of a non-empty batch was refused for scope.
    /// </summary>
    public ScopedBatch Check(ParsedBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (_units is null)
        {
            return new ScopedBatch(batch, AllRefused: false);
        }

        var allowed = new List<ParsedLine>(batch.Lines.Count);
        var refused = new List<Rejection>();
        foreach (var line in batch.Lines)
        {
            if (Allows(line.Event.UnitCode))
            {
                allowed.Add(line);
            }
            else
            {
                refused.Add(new Rejection(
                    line.Line,
                    line.Event.EventId,
                    $"line {line.Line}: unitCode {ShownValue.Quoted(line.Event.UnitCode)} is not allowed for this key (it may send {_named})",
                    Rejection.Forbidden));
            }
        }

        return new ScopedBatch(
            new ParsedBatch(allowed, [.. batch.Rejected, .. refused]),
            AllRefused: refused.Count > 0 && allowed.Count == 0 && batch.Rejected.Count == 0);
    }
}
