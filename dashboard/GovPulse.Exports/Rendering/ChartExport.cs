using GovPulse.Exports.Documents;

namespace GovPulse.Exports.Rendering;

/// <summary>Charts (ScottPlot) as PNG and SVG: the ranking as bars coloured by band, a unit's monthly trend per group.</summary>
public static class ChartExport
{
    public const string PngContentType = "image/png";
    public const string SvgContentType = "image/svg+xml; charset=utf-8";

    public static byte[] RankingPng(RankingExport ranking) => throw new NotImplementedException("issue 15: the renderers helper writes this");

    public static byte[] RankingSvg(RankingExport ranking) => throw new NotImplementedException("issue 15: the renderers helper writes this");

    public static byte[] TrendPng(ScorecardExport scorecard) => throw new NotImplementedException("issue 15: the renderers helper writes this");

    public static byte[] TrendSvg(ScorecardExport scorecard) => throw new NotImplementedException("issue 15: the renderers helper writes this");
}
