using GovPulse.Exports.Rendering;
using UglyToad.PdfPig;

namespace GovPulse.Exports.Tests;

public sealed class PdfExportTests
{
    [Fact]
    public void A_ranking_pdf_states_the_vietnamese_unit_names_the_as_of_and_the_figures_hash()
    {
        var ranking = SampleExports.Communes();

        var text = Text(PdfExport.Ranking(ranking));

        text.Should().Contain("Bảng xếp hạng — Phường, xã, đặc khu — Tháng 11/2026");
        text.Should().Contain("Số liệu tại thời điểm: 2026-12-01T08:30:00+07:00");
        text.Should().Contain(SampleExports.FiguresHash);
        text.Should().Contain("766/QĐ-TTg r1");
        foreach (var unit in ranking.Units)
        {
            text.Should().Contain(unit.Unit.Name);
        }

        text.Should().Contain("Phường Vũng Tàu").And.Contain("Chưa có hồ sơ trong kỳ").And.Contain("Đã kiểm tra");
    }

    [Fact]
    public void Every_commune_of_the_city_flows_over_numbered_pages()
    {
        var ranking = SampleExports.Communes(168);

        using var pdf = PdfDocument.Open(PdfExport.Ranking(ranking));

        pdf.NumberOfPages.Should().BeGreaterThan(6, "168 rows do not fit one page, and the chart takes pages of its own");
        var pages = pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))).ToList();
        for (var i = 0; i < pages.Count; i++)
        {
            pages[i].Should().Contain($"Trang {i + 1}/{pages.Count}");
        }

        var all = string.Join(" ", pages);
        ranking.Units.Should().OnlyContain(u => all.Contains(u.Unit.Name, StringComparison.Ordinal));
        pdf.GetPages().Skip(1).Should().Contain(p => p.GetImages().Any(), "the ranking chart is embedded");
    }

    [Fact]
    public void A_scorecard_pdf_in_english_has_the_groups_indicators_and_the_trend_chart()
    {
        var export = SampleExports.Scorecard(english: true);

        var bytes = PdfExport.Scorecard(export);
        var text = Text(bytes);

        text.Should().Contain("Service-quality index — Phường Vũng Tàu — November 2026");
        text.Should().Contain("Figures as known at: 2026-12-01T08:30:00+07:00");
        text.Should().Contain($"Figures SHA-256: {SampleExports.FiguresHash}");
        text.Should().Contain("Progress and results").And.Contain("Dossiers processed early or on time");
        text.Should().Contain("Checked by (name)");
        using var pdf = PdfDocument.Open(bytes);
        pdf.GetPages().SelectMany(p => p.GetImages()).Should().NotBeEmpty("the trend chart is embedded");
    }

    [Fact]
    public void The_pdf_dates_and_creator_are_the_as_of_and_govpulse()
    {
        using var pdf = PdfDocument.Open(PdfExport.Scorecard(SampleExports.Scorecard()));

        pdf.Information.CreationDate.Should().Be("D:20261201083000+07'00'");
        pdf.Information.ModifiedDate.Should().Be("D:20261201083000+07'00'");
        pdf.Information.Creator.Should().Be("GovPulse");
        pdf.Information.Producer.Should().Contain("PDFsharp 6.2.4");
    }

    [Fact]
    public void Both_fonts_are_embedded_whole_so_every_stacked_vietnamese_accent_is_drawn()
    {
        // PDFsharp's subsets lost the accent parts of ấ, ế, ố, ắ: text extraction still read them
        // right, the page did not. /Length1 is the embedded TrueType program's length.
        var raw = System.Text.Encoding.Latin1.GetString(PdfExport.Ranking(SampleExports.Communes()));

        raw.Should().Contain("/Length1 759720", "DejaVuSans.ttf whole").And.Contain("/Length1 708920", "DejaVuSans-Bold.ttf whole");
    }

    private static string Text(byte[] bytes)
    {
        using var pdf = PdfDocument.Open(bytes);
        return string.Join(" ", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
    }
}
