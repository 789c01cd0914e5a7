using GovPulse.Indicators.Units;

namespace GovPulse.Indicators.Tests;

public sealed class UnitDirectoryTests
{
    private readonly UnitDirectory _units = UnitDirectory.HoChiMinhCity;

    [Fact]
    public void Ho_Chi_Minh_City_has_168_communes_17_departments_and_itself()
    {
        _units.City.Code.Should().Be("79");
        _units.All.Count(u => u.Kind == UnitKind.Commune).Should().Be(168);
        _units.All.Count(u => u.Kind == UnitKind.Department).Should().Be(17);
        _units.Children.Should().HaveCount(185).And.OnlyContain(u => u.ParentCode == "79");
    }

    [Fact]
    public void Communes_keep_their_official_codes_and_Vietnamese_names()
    {
        _units.Find("26737")!.Name.Should().Be("Phường Tân Định");
        _units.Find("so-xay-dung")!.Name.Should().Be("Sở Xây dựng");
        _units.All.Select(u => u.Code).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void An_unknown_code_is_not_a_unit()
    {
        _units.Contains("99999").Should().BeFalse();
        _units.Find("99999").Should().BeNull();
    }
}
