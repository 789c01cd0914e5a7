using GovPulse.Exports.Documents;

namespace GovPulse.Exports.Rendering;

/// <summary>CSV: UTF-8 with BOM, RFC 4180, Vietnamese headers unless English was asked, decimals with a dot and two places.</summary>
public static class CsvExport
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static byte[] Ranking(RankingExport ranking) => throw new NotImplementedException("issue 15: the exports-api helper writes this");

    public static byte[] Scorecard(ScorecardExport scorecard) => throw new NotImplementedException("issue 15: the exports-api helper writes this");
}
