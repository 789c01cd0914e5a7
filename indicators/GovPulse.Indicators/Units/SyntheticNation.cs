using System.Globalization;

namespace GovPulse.Indicators.Units;

/// <summary>
/// A made-up national directory for load tests, the size of Viet Nam after the 2025 reform: 34
/// province-level units and 3,321 communes under the nation (<see cref="UnitDirectory.NationCode"/>).
/// Ho Chi Minh City is there as it is built in (79, its departments and 168 communes, real); the 33
/// other provinces and their communes are not real and say so: codes <c>S01</c>…, <c>S01-0001</c>…,
/// names ending "(dữ liệu giả lập)", and marked synthetic. How many communes each synthetic province
/// has is drawn from the seed, so a seed always gives the same directory.
/// </summary>
public static class SyntheticNation
{
    public const int ProvinceCount = 34;
    public const int CommuneCount = 3_321;
    public const string Marker = "(dữ liệu giả lập)";

    /// <summary>Fewest communes a synthetic province gets (real provinces have from a few dozen to a few hundred).</summary>
    private const int FewestCommunes = 30;

    public static UnitDirectory Create(int seed)
    {
        var city = UnitDirectory.HoChiMinhCityUnits();
        var nation = new Unit(UnitDirectory.NationCode, UnitDirectory.NationName, UnitKind.Nation, null);
        var units = new List<Unit> { nation };
        units.AddRange(city.Select(u => u.Kind == UnitKind.City ? u with { ParentCode = nation.Code } : u));

        var synthetic = new List<string>();
        var counts = CommunesPerProvince(seed, ProvinceCount - 1, CommuneCount - city.Count(u => u.Kind == UnitKind.Commune));
        for (var p = 0; p < counts.Length; p++)
        {
            var number = (p + 1).ToString("D2", CultureInfo.InvariantCulture);
            var province = new Unit("S" + number, $"Tỉnh Tổng hợp {number} {Marker}", UnitKind.Province, nation.Code);
            units.Add(province);
            synthetic.Add(province.Code);
            for (var c = 1; c <= counts[p]; c++)
            {
                var commune = c.ToString("D4", CultureInfo.InvariantCulture);
                var unit = new Unit($"{province.Code}-{commune}", $"Xã Tổng hợp {number}-{commune} {Marker}", UnitKind.Commune, province.Code);
                units.Add(unit);
                synthetic.Add(unit.Code);
            }
        }

        return new UnitDirectory(units, synthetic);
    }

    /// <summary>Splits <paramref name="communes"/> among <paramref name="provinces"/>: log-normal sizes from the seed, at least <see cref="FewestCommunes"/> each, summing exactly.</summary>
    private static int[] CommunesPerProvince(int seed, int provinces, int communes)
    {
        var random = new Random(seed);
        var weights = Enumerable.Range(0, provinces)
            .Select(_ => Math.Exp(0.5 * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble())))
            .ToArray();
        var spare = communes - (FewestCommunes * provinces);
        var shares = weights.Select(w => spare * w / weights.Sum()).ToArray();
        var counts = shares.Select(s => FewestCommunes + (int)Math.Floor(s)).ToArray();

        // Largest remainders take the communes the flooring left over.
        var left = communes - counts.Sum();
        foreach (var i in Enumerable.Range(0, provinces).OrderByDescending(i => shares[i] - Math.Floor(shares[i])).ThenBy(i => i).Take(left))
        {
            counts[i]++;
        }

        return counts;
    }
}
