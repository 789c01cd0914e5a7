using GovPulse.Exports.Documents;
using GovPulse.Exports.Files;

namespace GovPulse.Exports.Tests.Files;

public sealed class ExportFormatParameterTests
{
    [Theory]
    [InlineData(null, ExportFormat.Csv)]
    [InlineData("", ExportFormat.Csv)]
    [InlineData("csv", ExportFormat.Csv)]
    [InlineData("xlsx", ExportFormat.Xlsx)]
    [InlineData("pdf", ExportFormat.Pdf)]
    [InlineData("png", ExportFormat.Png)]
    [InlineData("svg", ExportFormat.Svg)]
    public void Each_format_word_names_its_format_and_csv_is_the_default(string? text, ExportFormat format)
    {
        var parsed = ExportFormatParameter.Parse(text);
        parsed.Problem.Should().BeNull();
        parsed.Value.Should().Be(format);
        parsed.Word.Should().Be(format.ToString().ToLowerInvariant());
    }

    [Theory]
    [InlineData("xls")]
    [InlineData("CSV")]
    [InlineData("docx")]
    public void Anything_else_is_refused_naming_the_formats(string text)
    {
        var parsed = ExportFormatParameter.Parse(text);
        parsed.Problem.Should().Be($"format '{text}' is not one of csv, xlsx, pdf, png, svg");
        parsed.Invoking(p => p.Value).Should().Throw<InvalidOperationException>();
    }
}
