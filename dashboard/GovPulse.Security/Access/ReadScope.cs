using System.Collections.Frozen;
using GovPulse.Indicators.Units;

namespace GovPulse.Security.Access;

/// <summary>
/// The units a caller may read of one kind of content: every unit and the city-wide lists, or some
/// units only (a department head's unit, a scoped key's units). Since every signed-in role reads
/// every unit's figures (<see cref="ReadMatrix"/>), "some units only" is the scope of dossiers, and
/// the city (79) is not among them: it has no dossiers of its own, and a city-wide list of dossiers
/// is no unit's.
/// </summary>
public sealed class ReadScope
{
    private readonly FrozenSet<string> _units;

    private ReadScope(bool cityWide, IEnumerable<string> units, string who)
    {
        IsCityWide = cityWide;
        _units = units.ToFrozenSet(StringComparer.Ordinal);
        Who = who;
    }

    /// <summary>Nobody: an anonymous caller reads nothing.</summary>
    public static ReadScope None { get; } = new(false, [], "an anonymous caller");

    public static ReadScope Everything(string who) => new(true, [], who);

    public static ReadScope Only(IEnumerable<string> units, string who) => new(false, units, who);

    /// <summary>Every unit, and the lists that span units (rankings, movers).</summary>
    public bool IsCityWide { get; }

    /// <summary>The units read, when not city-wide.</summary>
    public IReadOnlySet<string> Units => _units;

    /// <summary>"this account" or "this key", for messages.</summary>
    public string Who { get; }

    public bool CanRead(string unitCode) => IsCityWide || _units.Contains(unitCode);

    /// <summary>What the scope covers, in words: "unit so-tu-phap (Sở Tư pháp)", "every unit", "no unit".</summary>
    public string Describe(UnitDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (IsCityWide)
        {
            return "every unit";
        }

        var named = _units.Order(StringComparer.Ordinal).Take(10)
            .Select(u => directory.Find(u) is { } unit ? $"{u} ({unit.Name})" : u).ToList();
        var more = _units.Count > named.Count ? $" and {_units.Count - named.Count} more" : string.Empty;
        return named.Count == 0
            ? "no unit"
            : $"{(named.Count == 1 ? "unit" : "units")} {string.Join(", ", named)}{more}";
    }
}
