using System.Collections.Frozen;
using GovPulse.Indicators.Catalog;

namespace GovPulse.Indicators.Units;

/// <summary>
/// The units GovPulse knows, as a tree: unit → province → nation. Built in: Ho Chi Minh City (79),
/// its 168 commune-level units by official code (since 1 July 2025) and its city departments, from
/// the CSV files embedded beside this type (one province, no nation). A deployment may load another
/// directory from a file (<see cref="UnitDirectoryFile"/>): several provinces under the nation
/// (<see cref="NationCode"/>), each with its own departments and communes.
/// </summary>
public sealed class UnitDirectory
{
    public const string HoChiMinhCityCode = "79";
    public const string HoChiMinhCityName = "Thành phố Hồ Chí Minh";
    public const string NationCode = "VN";
    public const string NationName = "Việt Nam";

    /// <summary>Deepest parent chain accepted (commune → province → nation is 3): a cycle must not hang the start.</summary>
    private const int MaxDepth = 8;

    private readonly FrozenDictionary<string, Unit> _byCode;
    private readonly FrozenDictionary<string, Unit> _provinceOf;
    private readonly FrozenDictionary<string, Unit[]> _unitsOf;
    private readonly FrozenSet<string> _synthetic;

    /// <param name="units">The units; every one but the nation must reach a province through its parents.</param>
    /// <param name="synthetic">Codes of units made up for load tests (<see cref="SyntheticNation"/>), not real ones.</param>
    /// <exception cref="ArgumentException">Two units share a code, a parent is unknown, a unit belongs to no province, or there is no province.</exception>
    public UnitDirectory(IEnumerable<Unit> units, IEnumerable<string>? synthetic = null)
    {
        ArgumentNullException.ThrowIfNull(units);
        All = units.ToArray();
        _synthetic = (synthetic ?? []).ToFrozenSet(StringComparer.Ordinal);
        var byCode = new Dictionary<string, Unit>(StringComparer.Ordinal);
        foreach (var unit in All)
        {
            if (!byCode.TryAdd(unit.Code, unit))
            {
                throw new ArgumentException($"unit code '{unit.Code}' appears twice", nameof(units));
            }
        }

        _byCode = byCode.ToFrozenDictionary(StringComparer.Ordinal);
        Provinces = All.Where(IsProvinceLevel).ToArray();
        if (Provinces.Count == 0)
        {
            throw new ArgumentException("a directory needs a province (or a centrally-run city)", nameof(units));
        }

        City = Provinces[0];
        Nation = All.SingleOrDefault(u => u.Kind == UnitKind.Nation);
        Children = All.Where(u => u.ParentCode == City.Code).ToArray();

        var provinceOf = new Dictionary<string, Unit>(StringComparer.Ordinal);
        foreach (var unit in All.Where(u => u.Kind != UnitKind.Nation))
        {
            provinceOf[unit.Code] = ProvinceAbove(unit, byCode);
        }

        _provinceOf = provinceOf.ToFrozenDictionary(StringComparer.Ordinal);
        _unitsOf = Provinces.ToFrozenDictionary(
            p => p.Code,
            p => All.Where(u => provinceOf.TryGetValue(u.Code, out var of) && of.Code == p.Code).ToArray(),
            StringComparer.Ordinal);
    }

    /// <summary>Every unit, in the order given (built in: the city first, then departments, then communes).</summary>
    public IReadOnlyList<Unit> All { get; }

    /// <summary>
    /// The deployment's province: the only one in a one-province directory (Ho Chi Minh City by
    /// default), the first province of the file otherwise. The live city view, the hourly summary's
    /// city line and the health check use it.
    /// </summary>
    public Unit City { get; }

    /// <summary>The units that pool into <see cref="City"/> (its departments and communes).</summary>
    public IReadOnlyList<Unit> Children { get; }

    /// <summary>The province-level units (provinces and centrally-run cities), in the order given.</summary>
    public IReadOnlyList<Unit> Provinces { get; }

    /// <summary>The nation that pools the provinces; null in a directory without one (the built-in city).</summary>
    public Unit? Nation { get; }

    public bool TryGet(string code, out Unit unit) => _byCode.TryGetValue(code, out unit!);

    public Unit? Find(string code) => _byCode.GetValueOrDefault(code);

    public bool Contains(string code) => _byCode.ContainsKey(code);

    /// <summary>Whether the unit was made up for load tests (a synthetic nation's), not a real one.</summary>
    public bool IsSynthetic(string code) => _synthetic.Contains(code);

    /// <summary>How many units are made up for load tests.</summary>
    public int SyntheticCount => _synthetic.Count;

    /// <summary>Whether <paramref name="unit"/> is a province or a centrally-run city.</summary>
    public static bool IsProvinceLevel(Unit unit) => unit?.Kind is UnitKind.City or UnitKind.Province;

    /// <summary>Whether <paramref name="unit"/>'s figures pool other units (a province, a city, the nation) besides its own desk's.</summary>
    public static bool IsPooled(Unit unit) => unit?.Kind is UnitKind.City or UnitKind.Province or UnitKind.Nation;

    /// <summary>The province <paramref name="unit"/> belongs to (a province belongs to itself); null for the nation.</summary>
    public Unit? ProvinceOf(Unit unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return _provinceOf.GetValueOrDefault(unit.Code);
    }

    /// <summary>The units of a province, its own desk first when it was given first; empty for a code that is no province.</summary>
    public IReadOnlyList<Unit> UnitsOf(string provinceCode) => _unitsOf.GetValueOrDefault(provinceCode) ?? [];

    /// <summary>
    /// The units whose figures a pooled unit adds up: a province's units (its own desk among them),
    /// or every unit for the nation; empty for a unit that pools nothing.
    /// </summary>
    public IReadOnlyList<Unit> MembersOf(string pooledCode) =>
        Nation is { } nation && pooledCode == nation.Code ? All : UnitsOf(pooledCode);

    /// <summary>The code of the pooling grain a unit reports to: its province's, or its own for the nation.</summary>
    public string PoolCodeOf(Unit unit) => ProvinceOf(unit)?.Code ?? unit.Code;

    /// <summary>Ho Chi Minh City as of its 1 July 2025 reorganisation.</summary>
    public static UnitDirectory HoChiMinhCity { get; } = new(HoChiMinhCityUnits());

    /// <summary>The built-in units: the city, its departments, its communes (the synthetic nation reuses them unchanged).</summary>
    public static IReadOnlyList<Unit> HoChiMinhCityUnits()
    {
        var city = new Unit(HoChiMinhCityCode, HoChiMinhCityName, UnitKind.City, null);
        var departments = CsvRecord.ReadEmbedded("hcmc-departments.csv")
            .Select(r => new Unit(r[0], r[1], UnitKind.Department, HoChiMinhCityCode));
        var communes = CsvRecord.ReadEmbedded("hcmc-communes.csv")
            .Select(r => new Unit(r[0], r[1], UnitKind.Commune, HoChiMinhCityCode));
        return new[] { city }.Concat(departments).Concat(communes).ToArray();
    }

    private static Unit ProvinceAbove(Unit unit, Dictionary<string, Unit> byCode)
    {
        var at = unit;
        for (var depth = 0; depth < MaxDepth; depth++)
        {
            if (IsProvinceLevel(at))
            {
                return at;
            }

            if (at.ParentCode is null || !byCode.TryGetValue(at.ParentCode, out var parent))
            {
                throw new ArgumentException($"unit '{unit.Code}' belongs to no province (its parent '{at.ParentCode}' is {(at.ParentCode is null ? "missing" : "unknown")})", nameof(unit));
            }

            at = parent;
        }

        throw new ArgumentException($"unit '{unit.Code}' has a parent chain deeper than {MaxDepth} (a cycle?)", nameof(unit));
    }
}
