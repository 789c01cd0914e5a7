using GovPulse.Indicators.Units;

namespace GovPulse.Indicators.Tests.Units;

public sealed class UnitDirectoryFileTests
{
    private const string Header = "code,name,kind,parent_code,province_code,synthetic";

    private const string Good = """
        code,name,kind,parent_code,province_code,synthetic
        VN,Việt Nam,nation,,,false
        79,Thành phố Hồ Chí Minh,city,VN,79,false
        so-tu-phap,Sở Tư pháp,department,79,79,false
        26737,Phường Tân Định,commune,79,79,false
        S01,"Tỉnh Tổng hợp 01, thử (dữ liệu giả lập)",province,VN,S01,true
        S01-0001,Xã Tổng hợp 01-0001 (dữ liệu giả lập),commune,S01,S01,true
        """;

    [Fact]
    public void A_good_file_gives_its_units_provinces_nation_and_synthetic_marks()
    {
        var units = UnitDirectoryFile.Read(Good, "units.csv");

        units.All.Select(u => (u.Code, u.Kind)).Should().Equal(
            ("VN", UnitKind.Nation), ("79", UnitKind.City), ("so-tu-phap", UnitKind.Department), ("26737", UnitKind.Commune),
            ("S01", UnitKind.Province), ("S01-0001", UnitKind.Commune));
        units.Find("S01")!.Name.Should().Be("Tỉnh Tổng hợp 01, thử (dữ liệu giả lập)", "a quoted field keeps its comma");
        units.Provinces.Select(p => p.Code).Should().Equal("79", "S01");
        units.UnitsOf("S01").Select(u => u.Code).Should().Equal("S01", "S01-0001");
        units.IsSynthetic("S01-0001").Should().BeTrue();
        units.IsSynthetic("26737").Should().BeFalse();
    }

    [Fact]
    public void Columns_may_come_in_any_order_without_synthetic_with_a_byte_order_mark_and_crlf()
    {
        var text = "\uFEFFname,code,province_code,parent_code,kind\r\nThành phố Hồ Chí Minh,79,79,,city\r\nPhường Tân Định,26737,79,79,commune\r\n";

        var units = UnitDirectoryFile.Read(text, "units.csv");

        units.City.Code.Should().Be("79");
        units.Nation.Should().BeNull();
        units.Find("26737")!.ParentCode.Should().Be("79");
    }

    [Fact]
    public void Written_and_read_again_the_synthetic_nation_is_the_same()
    {
        var nation = SyntheticNation.Create(5);
        var text = new StringWriter();
        UnitDirectoryFile.Write(nation, text);

        var read = UnitDirectoryFile.Read(text.ToString(), "nation.csv");

        read.All.Should().Equal(nation.All);
        read.All.Where(u => read.IsSynthetic(u.Code)).Should().Equal(nation.All.Where(u => nation.IsSynthetic(u.Code)));
    }

    [Theory]
    [InlineData("", "units.csv: the file is empty*")]
    [InlineData("code,name,kind,parent_code\n79,TP,city,", "units.csv: line 1: the header has no 'province_code' column")]
    [InlineData(Header + "\n79,TP,city,,79", "units.csv: line 2: 5 fields where the header names 6")]
    [InlineData(Header + "\n79,TP,city,,79,false\n,Xã,commune,79,79,false", "units.csv: line 3: field 'code': '' is not a code*")]
    [InlineData(Header + "\n79,TP,city,,79,false\n2 6,Xã,commune,79,79,false", "units.csv: line 3: field 'code': '2 6' is not a code*")]
    [InlineData(Header + "\n79,TP,city,,79,false\n1,,commune,79,79,false", "units.csv: line 3: field 'name': a unit needs a name*")]
    [InlineData(Header + "\n79,TP,city,,79,false\n1,Xã,ward,79,79,false", "units.csv: line 3: field 'kind': 'ward' is not one of nation, city, province, department, commune")]
    [InlineData(Header + "\n79,TP,city,,79,false\n1,Xã,commune,79,79,yes", "units.csv: line 3: field 'synthetic': 'yes' is not true or false")]
    [InlineData(Header + "\n79,TP,city,,79,false\n79,Xã,commune,79,79,false", "units.csv: line 3: field 'code': '79' is already the code of line 2")]
    [InlineData(Header + "\nVN,VN,nation,,,false\nXX,X,nation,,,false\n79,TP,city,VN,79,false", "units.csv: line 3: field 'kind': a second nation (the first is on line 2)")]
    [InlineData(Header + "\nVN,VN,nation,79,,false\n79,TP,city,VN,79,false", "units.csv: line 2: field 'parent_code': the nation has no parent")]
    [InlineData(Header + "\nVN,VN,nation,,,false\n79,TP,city,,79,false", "units.csv: line 3: field 'parent_code': a province's parent is the nation, 'VN'")]
    [InlineData(Header + "\n79,TP,city,,01,false", "units.csv: line 2: field 'province_code': a province's province is itself, '79'")]
    [InlineData(Header + "\n79,TP,city,,79,false\n1,Xã,commune,78,78,false", "units.csv: line 3: field 'parent_code': '78' is not the code of a unit in the file")]
    [InlineData(Header + "\n79,TP,city,,79,false\n1,Xã,commune,79,79,false\n2,Xã,commune,1,79,false", "units.csv: line 4: field 'parent_code': '1' is a commune; a commune's parent is its province")]
    [InlineData(Header + "\n79,TP,city,,79,false\n01,HN,province,,01,false\n1,Xã,commune,79,01,false", "units.csv: line 4: field 'province_code': '01' differs from the parent, '79'")]
    [InlineData(Header + "\nVN,VN,nation,,,false", "units.csv: no unit of kind province or city*")]
    public void A_bad_file_is_refused_naming_its_line_and_field(string text, string message)
    {
        var read = () => UnitDirectoryFile.Read(text, "units.csv");

        read.Should().Throw<DirectoryFormatException>().WithMessage(message);
    }

    [Fact]
    public void A_missing_file_names_the_setting_and_an_unset_setting_is_the_built_in_city()
    {
        var missing = () => UnitDirectoryFile.LoadOrBuiltIn("/nonexistent/units.csv");

        missing.Should().Throw<DirectoryFormatException>().WithMessage("GovPulse:Directory:File names '/nonexistent/units.csv', which does not exist*");
        UnitDirectoryFile.LoadOrBuiltIn(null).Should().BeSameAs(UnitDirectory.HoChiMinhCity);
        UnitDirectoryFile.LoadOrBuiltIn(" ").Should().BeSameAs(UnitDirectory.HoChiMinhCity);
    }
}
