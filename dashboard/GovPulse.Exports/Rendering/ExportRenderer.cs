using GovPulse.Exports.Documents;

namespace GovPulse.Exports.Rendering;

/// <summary>
/// Writes an export in the asked format. Every writer is deterministic: the same document gives the
/// same bytes (no clock, no random identifiers, fixed zip and PDF dates), which is what makes an
/// export reproducible.
/// </summary>
public static class ExportRenderer
{
    public static RenderedFile Render(RankingExport ranking, ExportFormat format) => format switch
    {
        ExportFormat.Csv => new RenderedFile(CsvExport.Ranking(ranking), CsvExport.ContentType, "csv"),
        ExportFormat.Xlsx => new RenderedFile(XlsxExport.Ranking(ranking), XlsxExport.ContentType, "xlsx"),
        ExportFormat.Pdf => new RenderedFile(PdfExport.Ranking(ranking), PdfExport.ContentType, "pdf"),
        ExportFormat.Png => new RenderedFile(ChartExport.RankingPng(ranking), ChartExport.PngContentType, "png"),
        ExportFormat.Svg => new RenderedFile(ChartExport.RankingSvg(ranking), ChartExport.SvgContentType, "svg"),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    public static RenderedFile Render(ScorecardExport scorecard, ExportFormat format) => format switch
    {
        ExportFormat.Csv => new RenderedFile(CsvExport.Scorecard(scorecard), CsvExport.ContentType, "csv"),
        ExportFormat.Xlsx => new RenderedFile(XlsxExport.Scorecard(scorecard), XlsxExport.ContentType, "xlsx"),
        ExportFormat.Pdf => new RenderedFile(PdfExport.Scorecard(scorecard), PdfExport.ContentType, "pdf"),
        ExportFormat.Png => new RenderedFile(ChartExport.TrendPng(scorecard), ChartExport.PngContentType, "png"),
        ExportFormat.Svg => new RenderedFile(ChartExport.TrendSvg(scorecard), ChartExport.SvgContentType, "svg"),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };
}
