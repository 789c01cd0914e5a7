using GovPulse.Exports.Documents;

namespace GovPulse.Exports.Rendering;

/// <summary>Excel (MiniExcel): a summary sheet shaped like the national portal's ranking and one sheet per group.</summary>
public static class XlsxExport
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] Ranking(RankingExport ranking) => throw new NotImplementedException("issue 15: the renderers helper writes this");

    public static byte[] Scorecard(ScorecardExport scorecard) => throw new NotImplementedException("issue 15: the renderers helper writes this");
}
