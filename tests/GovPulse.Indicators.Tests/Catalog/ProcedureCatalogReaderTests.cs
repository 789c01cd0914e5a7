using GovPulse.Indicators.Calendar;
using GovPulse.Indicators.Catalog;
using GovPulse.Indicators.Periods;

namespace GovPulse.Indicators.Tests.Catalog;

public sealed class ProcedureCatalogReaderTests
{
    private const string Csv = """
        code,name,level,fee_vnd,online_level,publication_decision_date,legal_basis_effective_date,public_date,content_complete,fee_integrated,population_data_connected
        1.001193,Thủ tục đăng ký khai sinh,commune,0,full,2026-09-01,2026-09-15,2026-09-03,yes,,true
        2.000815,"Chứng thực bản sao từ bản chính, giấy tờ",both,2000,partial,2026-09-10,2026-09-11,2026-09-25,no,true,false
        1.004227,Cấp giấy phép xây dựng,province,,none,,,,,,
        """;

    [Fact]
    public void A_CSV_catalogue_reads_every_column()
    {
        var catalog = ProcedureCatalogReader.ReadCsv(Csv, "catalogue.csv");

        catalog.All.Should().HaveCount(3);
        var copy = catalog.Find("2.000815")!;
        copy.Name.Should().Be("Chứng thực bản sao từ bản chính, giấy tờ");
        copy.OnlineLevel.Should().Be(OnlineLevel.Partial);
        copy.FeeVnd.Should().Be(2000);
        copy.FeeIntegrated.Should().BeTrue();
        catalog.Find("1.004227")!.FeeVnd.Should().BeNull();
    }

    [Fact]
    public void A_JSON_catalogue_reads_the_same_fields_in_camel_case()
    {
        var catalog = ProcedureCatalogReader.ReadJson(
            """[{"code":"1.001193","name":"Thủ tục đăng ký khai sinh","level":"commune","onlineLevel":"full","feeVnd":0,"publicationDecisionDate":"2026-09-01","contentComplete":true}]""",
            "catalogue.json");

        var birth = catalog.All.Single();
        birth.OnlineLevel.Should().Be(OnlineLevel.Full);
        birth.PublicationDecisionDate.Should().Be(new DateOnly(2026, 9, 1));
        birth.ContentComplete.Should().BeTrue();
    }

    [Theory]
    [InlineData("code,name,level\n1.1,X,ward\n", "catalogue.csv: line 2: level 'ward' is not one of commune, province, both")]
    [InlineData("code,name,fee_vnd\n1.1,X,-5\n", "catalogue.csv: line 2: fee_vnd '-5' is not a non-negative number")]
    [InlineData("code,name,public_date\n1.1,X,03/09/2026\n", "catalogue.csv: line 2: public_date '03/09/2026' is not a date (yyyy-MM-dd)")]
    [InlineData("name\nX\n", "catalogue.csv: line 1: the header has no 'code' column")]
    [InlineData("code,name\n1.1,X\n1.1,Y\n", "catalogue.csv: procedure 1.1 appears 2 times; each code once")]
    public void A_bad_catalogue_names_the_line_and_the_field(string csv, string message)
    {
        var read = () => ProcedureCatalogReader.ReadCsv(csv, "catalogue.csv");

        read.Should().Throw<CatalogFormatException>().WithMessage(message);
    }

    [Fact]
    public void Catalogue_tallies_follow_the_publicity_rules()
    {
        var catalog = ProcedureCatalogReader.ReadCsv(Csv, "catalogue.csv");

        var tally = CatalogTally.For(catalog, ProcedureLevel.Commune, Period.Month(2026, 9), WorkingDayCalendar.Vietnam);

        tally.PublicationsDecided.Should().Be(2);
        tally.PublicationsOnTime.Should().Be(1, "1.001193 was decided 10 working days before its legal basis; 2.000815 one day before");
        tally.PublicUpdatesDue.Should().Be(2);
        tally.PublicUpdatesOnTime.Should().Be(1, "2.000815 was made public 11 working days after its decision");
        tally.Public.Should().Be(2);
        tally.PublicComplete.Should().Be(1);
        tally.Procedures.Should().Be(2, "a commune handles commune and both-level procedures");
        tally.OnlineServices.Should().Be(2);
        tally.FeeBearing.Should().Be(1);
        tally.FeeIntegrated.Should().Be(1);
        tally.PopulationDataConnected.Should().Be(1);
    }
}
