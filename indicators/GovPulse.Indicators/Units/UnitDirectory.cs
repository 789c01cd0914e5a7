using System.Collections.Frozen;
using GovPulse.Indicators.Catalog;

namespace GovPulse.Indicators.Units;

/// <summary>
/// The units GovPulse knows: Ho Chi Minh City (79), its 168 commune-level units by official code
/// (since 1 July 2025) and its city departments. Built from the CSV files embedded beside this type,
/// copied from the project's reference data.
/// </summary>
public sealed class UnitDirectory
{
    public const string HoChiMinhCityCode = "79";
    public const string HoChiMinhCityName = "Thành phố Hồ Chí Minh";

    private readonly FrozenDictionary<string, Unit> _byCode;

    public UnitDirectory(IEnumerable<Unit> units)
    {
        All = units.ToArray();
        _byCode = All.ToFrozenDictionary(u => u.Code, StringComparer.Ordinal);
        City = All.Single(u => u.Kind == UnitKind.City);
        Children = All.Where(u => u.ParentCode == City.Code).ToArray();
    }

    /// <summary>Every unit: the city first, then departments, then communes.</summary>
    public IReadOnlyList<Unit> All { get; }

    public Unit City { get; }

    /// <summary>The units that pool into the city (departments and communes).</summary>
    public IReadOnlyList<Unit> Children { get; }

    public bool TryGet(string code, out Unit unit) => _byCode.TryGetValue(code, out unit!);

    public Unit? Find(string code) => _byCode.GetValueOrDefault(code);

    public bool Contains(string code) => _byCode.ContainsKey(code);

    /// <summary>Ho Chi Minh City as of its 1 July 2025 reorganisation.</summary>
    public static UnitDirectory HoChiMinhCity { get; } = LoadHoChiMinhCity();

    private static UnitDirectory LoadHoChiMinhCity()
    {
        var city = new Unit(HoChiMinhCityCode, HoChiMinhCityName, UnitKind.City, null);
        var departments = CsvRecord.ReadEmbedded("hcmc-departments.csv")
            .Select(r => new Unit(r[0], r[1], UnitKind.Department, HoChiMinhCityCode));
        var communes = CsvRecord.ReadEmbedded("hcmc-communes.csv")
            .Select(r => new Unit(r[0], r[1], UnitKind.Commune, HoChiMinhCityCode));
        return new UnitDirectory(new[] { city }.Concat(departments).Concat(communes));
    }
}
