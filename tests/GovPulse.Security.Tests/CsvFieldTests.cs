namespace GovPulse.Security.Tests;

public sealed class CsvFieldTests
{
    [Theory]
    [InlineData("HS-2026-000123", "HS-2026-000123")]
    [InlineData("Phường Tân Định, một cửa", "\"Phường Tân Định, một cửa\"")]
    [InlineData("line\nbreak", "\"line\nbreak\"")]
    [InlineData("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0")]
    [InlineData("+1+1", "'+1+1")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("\tTAB", "'\tTAB")]
    [InlineData("-12.50", "-12.50")]
    [InlineData("+7", "+7")]
    [InlineData("", "")]
    public void A_field_is_quoted_when_needed_and_a_formula_never_runs_while_a_plain_number_stays_a_number(string value, string field)
    {
        CsvField.Of(value).Should().Be(field);
    }
}
