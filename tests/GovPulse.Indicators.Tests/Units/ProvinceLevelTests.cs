using GovPulse.Indicators.Units;

namespace GovPulse.Indicators.Tests.Units;

public sealed class ProvinceLevelTests
{
    [Fact]
    public void The_built_in_city_is_its_own_and_only_province_holding_every_unit_and_no_nation()
    {
        var units = UnitDirectory.HoChiMinhCity;

        units.Provinces.Should().ContainSingle().Which.Should().Be(units.City);
        units.Nation.Should().BeNull();
        units.UnitsOf("79").Should().Equal(units.All);
        units.All.Should().OnlyContain(u => units.ProvinceOf(u) == units.City);
        units.MembersOf("79").Should().Equal(units.All);
        units.PoolCodeOf(units.Find("26737")!).Should().Be("79");
        units.SyntheticCount.Should().Be(0);
    }

    [Fact]
    public void Two_provinces_under_the_nation_each_hold_their_own_units_and_the_nation_holds_all()
    {
        var units = TwoProvinces();

        units.City.Code.Should().Be("79", "the first province is the deployment's city");
        units.Provinces.Select(p => p.Code).Should().Equal("79", "01");
        units.Nation!.Code.Should().Be("VN");
        units.UnitsOf("01").Select(u => u.Code).Should().Equal("01", "00004", "00006");
        units.UnitsOf("79").Select(u => u.Code).Should().Equal("79", "so-tu-phap", "26737");
        units.UnitsOf("26737").Should().BeEmpty("a commune is no province");
        units.ProvinceOf(units.Find("00006")!)!.Code.Should().Be("01");
        units.ProvinceOf(units.Find("01")!)!.Code.Should().Be("01");
        units.ProvinceOf(units.Nation).Should().BeNull();
        units.PoolCodeOf(units.Nation).Should().Be("VN");
        units.MembersOf("VN").Should().HaveCount(7);
        units.Children.Select(u => u.Code).Should().Equal("so-tu-phap", "26737");
    }

    [Fact]
    public void A_unit_that_reaches_no_province_or_a_repeated_code_is_refused()
    {
        var orphan = () => new UnitDirectory([new Unit("79", "TP", UnitKind.City, null), new Unit("1", "Xã", UnitKind.Commune, "nowhere")]);
        var twice = () => new UnitDirectory([new Unit("79", "TP", UnitKind.City, null), new Unit("79", "TP", UnitKind.City, null)]);
        var none = () => new UnitDirectory([new Unit("VN", "Việt Nam", UnitKind.Nation, null)]);

        orphan.Should().Throw<ArgumentException>().WithMessage("*'1'*no province*");
        twice.Should().Throw<ArgumentException>().WithMessage("*'79' appears twice*");
        none.Should().Throw<ArgumentException>().WithMessage("*needs a province*");
    }

    internal static UnitDirectory TwoProvinces() => new(
    [
        new Unit("VN", "Việt Nam", UnitKind.Nation, null),
        new Unit("79", "Thành phố Hồ Chí Minh", UnitKind.City, "VN"),
        new Unit("so-tu-phap", "Sở Tư pháp", UnitKind.Department, "79"),
        new Unit("26737", "Phường Tân Định", UnitKind.Commune, "79"),
        new Unit("01", "Thành phố Hà Nội", UnitKind.Province, "VN"),
        new Unit("00004", "Phường Ba Đình", UnitKind.Commune, "01"),
        new Unit("00006", "Phường Ngọc Hà", UnitKind.Commune, "01"),
    ]);
}
