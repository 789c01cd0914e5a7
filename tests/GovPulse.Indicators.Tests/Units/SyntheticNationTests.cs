using GovPulse.Indicators.Units;

namespace GovPulse.Indicators.Tests.Units;

public sealed class SyntheticNationTests
{
    private static readonly UnitDirectory Nation = SyntheticNation.Create(2026);

    [Fact]
    public void It_has_34_provinces_and_3321_communes_under_Viet_Nam()
    {
        Nation.Provinces.Should().HaveCount(34);
        Nation.All.Count(u => u.Kind == UnitKind.Commune).Should().Be(3_321);
        Nation.Nation.Should().Be(new Unit("VN", "Việt Nam", UnitKind.Nation, null));
        Nation.Provinces.Should().OnlyContain(p => p.ParentCode == "VN");
        Nation.Provinces.Should().OnlyContain(p => Nation.UnitsOf(p.Code).Count(u => u.Kind == UnitKind.Commune) >= 30);
        Nation.City.Code.Should().Be("79");
    }

    [Fact]
    public void Ho_Chi_Minh_Citys_real_units_are_there_unchanged_as_province_79_and_not_synthetic()
    {
        foreach (var real in UnitDirectory.HoChiMinhCity.All)
        {
            Nation.Contains(real.Code).Should().BeTrue(real.Code);
            var unit = Nation.Find(real.Code)!;
            unit.Should().Be(real.Kind == UnitKind.City ? real with { ParentCode = "VN" } : real, "only the city gains a parent, the nation");
            Nation.ProvinceOf(unit)!.Code.Should().Be("79");
            Nation.IsSynthetic(unit.Code).Should().BeFalse();
        }

        Nation.UnitsOf("79").Should().HaveCount(UnitDirectory.HoChiMinhCity.All.Count);
    }

    [Fact]
    public void Every_other_unit_is_marked_synthetic_in_its_code_name_and_flag()
    {
        var others = Nation.All.Where(u => u.Kind != UnitKind.Nation && Nation.ProvinceOf(u)!.Code != "79").ToList();

        others.Should().HaveCount(33 + 3_321 - 168);
        others.Should().OnlyContain(u => Nation.IsSynthetic(u.Code) && u.Code.StartsWith('S') && u.Name.EndsWith("(dữ liệu giả lập)", StringComparison.Ordinal));
        Nation.SyntheticCount.Should().Be(others.Count);
        Nation.Find("S01-0001")!.Name.Should().Be("Xã Tổng hợp 01-0001 (dữ liệu giả lập)");
        Nation.Find("S01")!.Name.Should().Be("Tỉnh Tổng hợp 01 (dữ liệu giả lập)");
    }

    [Fact]
    public void The_same_seed_gives_the_same_directory_and_another_seed_sizes_provinces_differently()
    {
        SyntheticNation.Create(2026).All.Should().Equal(Nation.All);
        var other = SyntheticNation.Create(7);

        other.All.Count(u => u.Kind == UnitKind.Commune).Should().Be(3_321);
        other.Provinces.Select(p => other.UnitsOf(p.Code).Count).Should().NotEqual(Nation.Provinces.Select(p => Nation.UnitsOf(p.Code).Count));
    }
}
