namespace GovPulse.Dashboard.Charts;

/// <summary>
/// A chart's colours, the same as the page's (wwwroot/app.css) so a chart sits on its card
/// without a seam; each pair of ink and background passes WCAG AA.
/// </summary>
public sealed record ChartPalette(string Background, string Ink, string Grid, string Line)
{
    public static ChartPalette Light { get; } = new("#ffffff", "#17202a", "#e3e7eb", "#b3261e");

    public static ChartPalette Dark { get; } = new("#1c2229", "#eef1f4", "#323b45", "#ff8a80");

    public static ChartPalette For(ChartTheme theme) => theme == ChartTheme.Dark ? Dark : Light;
}
