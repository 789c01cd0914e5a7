using GovPulse.Exports.Files;
using GovPulse.Indicators.Periods;
using GovPulse.Indicators.Units;

namespace GovPulse.Exports.Tests.Files;

public sealed class ExportFileNamesTests
{
    [Theory]
    [InlineData("2026-11", "2026-11")]
    [InlineData("2026-Q4", "2026-q4")]
    [InlineData("2026", "2026")]
    [InlineData("2026-11-01..2026-11-15", "2026-11-01_2026-11-15")]
    public void A_period_is_named_by_its_label_in_lower_case_and_a_range_by_its_days(string period, string named)
    {
        Period.TryParse(period, out var parsed, out _).Should().BeTrue();
        ExportFileNames.PeriodPart(parsed).Should().Be(named);
    }

    [Fact]
    public void Names_say_what_the_file_holds_in_the_language_asked()
    {
        var november = Period.Month(2026, 11);
        ExportFileNames.Ranking(UnitKind.Commune, november, english: false, "xlsx").Should().Be("xep-hang-phuong-xa-2026-11.xlsx");
        ExportFileNames.Ranking(UnitKind.Department, Period.Quarter(2026, 4), english: false, "pdf").Should().Be("xep-hang-so-nganh-2026-q4.pdf");
        ExportFileNames.Scorecard("26734", november, english: false, "csv").Should().Be("bang-diem-26734-2026-11.csv");
        ExportFileNames.Ranking(UnitKind.Commune, november, english: true, "csv").Should().Be("ranking-communes-2026-11.csv");
        ExportFileNames.Ranking(UnitKind.Department, Period.Year(2026), english: true, "png").Should().Be("ranking-departments-2026.png");
        ExportFileNames.Scorecard("79", november, english: true, "svg").Should().Be("scorecard-79-2026-11.svg");
    }
}
