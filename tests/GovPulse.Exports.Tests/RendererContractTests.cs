using GovPulse.Exports.Documents;
using GovPulse.Exports.Rendering;

namespace GovPulse.Exports.Tests;

public sealed class RendererContractTests
{
    [Fact]
    public void Every_format_has_a_file_extension_named_after_it()
    {
        foreach (var format in Enum.GetValues<ExportFormat>())
        {
            format.ToString().ToLowerInvariant().Should().BeOneOf("csv", "xlsx", "pdf", "png", "svg");
        }

        CsvExport.ContentType.Should().StartWith("text/csv");
    }
}
