using GovPulse.Indicators.Catalog;

namespace GovPulse.Indicators.Tests;

public sealed class ProcedureCatalogTests
{
    [Fact]
    public void The_reference_catalogue_holds_real_procedures_with_national_codes()
    {
        var catalog = ProcedureCatalog.Reference;

        catalog.All.Should().HaveCount(109);
        var birth = catalog.All.Single(p => p.Code == "1.001193");
        birth.Name.Should().Be("Thủ tục đăng ký khai sinh");
        birth.Level.Should().Be(ProcedureLevel.Commune);
        birth.TimeLimitWorkingDays.Should().Be(0);
    }

    [Fact]
    public void Quoted_CSV_fields_keep_their_commas()
    {
        CsvRecord.Parse("2.000635,\"Cấp bản sao Trích lục hộ tịch, bản sao Giấy khai sinh\",Hộ tịch,both,0,8000")
            .Should().Equal("2.000635", "Cấp bản sao Trích lục hộ tịch, bản sao Giấy khai sinh", "Hộ tịch", "both", "0", "8000");
        CsvRecord.Parse("a,\"say \"\"hi\"\"\",").Should().Equal("a", "say \"hi\"", "");
    }
}
