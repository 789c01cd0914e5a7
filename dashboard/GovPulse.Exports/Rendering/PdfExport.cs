using GovPulse.Exports.Documents;

namespace GovPulse.Exports.Rendering;

/// <summary>PDF (PDFsharp 6.2.4, bundled DejaVu Sans): a page an auditor can file.</summary>
public static class PdfExport
{
    public const string ContentType = "application/pdf";

    public static byte[] Ranking(RankingExport ranking) => throw new NotImplementedException("issue 15: the renderers helper writes this");

    public static byte[] Scorecard(ScorecardExport scorecard) => throw new NotImplementedException("issue 15: the renderers helper writes this");
}
