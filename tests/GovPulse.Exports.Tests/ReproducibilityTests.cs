using System.Globalization;
using GovPulse.Exports.Documents;
using GovPulse.Exports.Rendering;

namespace GovPulse.Exports.Tests;

/// <summary>The same document gives the same bytes: twice in a row, and under another culture.</summary>
public sealed class ReproducibilityTests
{
    public static TheoryData<ExportFormat> Formats { get; } = new(ExportFormat.Xlsx, ExportFormat.Pdf, ExportFormat.Png, ExportFormat.Svg);

    [Theory]
    [MemberData(nameof(Formats))]
    public void A_ranking_renders_to_the_same_bytes_every_time_whatever_the_culture(ExportFormat format)
    {
        var first = ExportRenderer.Render(SampleExports.Communes(), format);
        var second = ExportRenderer.Render(SampleExports.Communes(), format);
        var elsewhere = Under("th-TH", () => ExportRenderer.Render(SampleExports.Communes(), format));

        second.Content.Should().Equal(first.Content);
        elsewhere.Content.Should().Equal(first.Content);
        first.Extension.Should().Be(format.ToString().ToLowerInvariant());
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void A_scorecard_renders_to_the_same_bytes_every_time_whatever_the_culture(ExportFormat format)
    {
        var first = ExportRenderer.Render(SampleExports.Scorecard(), format);
        var second = ExportRenderer.Render(SampleExports.Scorecard(), format);
        var elsewhere = Under("fr-FR", () => ExportRenderer.Render(SampleExports.Scorecard(), format));

        second.Content.Should().Equal(first.Content);
        elsewhere.Content.Should().Equal(first.Content);
    }

    [Fact]
    public void Another_language_or_another_as_of_gives_another_file()
    {
        var vietnamese = PdfExport.Scorecard(SampleExports.Scorecard());
        var english = PdfExport.Scorecard(SampleExports.Scorecard(english: true));
        var later = SampleExports.Scorecard() is var card
            ? card with { Stamp = card.Stamp with { AsOf = card.Stamp.AsOf.AddHours(1) } }
            : null!;

        english.Should().NotEqual(vietnamese);
        PdfExport.Scorecard(later).Should().NotEqual(vietnamese);
        XlsxExport.Scorecard(later).Should().NotEqual(XlsxExport.Scorecard(SampleExports.Scorecard()), "the zip entries carry the as-of time");
    }

    private static RenderedFile Under(string culture, Func<RenderedFile> render)
    {
        var (before, beforeUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            return render();
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
            CultureInfo.CurrentUICulture = beforeUi;
        }
    }
}
