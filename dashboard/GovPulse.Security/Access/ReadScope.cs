using System.Collections.Frozen;
using GovPulse.Indicators.Units;

namespace GovPulse.Security.Access;

/// <summary>
/// The units a caller may read: every unit and the city-wide lists (leaders, auditors, admins, keys
/// for every unit), or some units only (a department head's unit, a scoped key's units) plus the
/// city total. The city as a whole (79) is everyone's benchmark — "So với toàn thành phố" — and
/// <c>/units/{code}/comparison</c> carries it beside every unit anyway.
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

    /// <summary>The units read besides the city total, when not city-wide.</summary>
    public IReadOnlySet<string> Units => _units;

    /// <summary>"this account" or "this key", for messages.</summary>
    public string Who { get; }

    public bool CanRead(string unitCode) =>
        IsCityWide || (!ReferenceEquals(this, None) && (unitCode == UnitDirectory.HoChiMinhCityCode || _units.Contains(unitCode)));

    /// <summary>What the scope covers, in words: "unit so-tu-phap (Sở Tư pháp) and the city total (79)".</summary>
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
            ? $"the city total ({UnitDirectory.HoChiMinhCityCode}) only"
            : $"{(named.Count == 1 ? "unit" : "units")} {string.Join(", ", named)}{more} and the city total ({UnitDirectory.HoChiMinhCityCode})";
    }
}
