namespace GovPulse.Dashboard.Charts;

/// <summary>The language of a chart's words and its text alternative: Vietnamese first, English on request.</summary>
public enum ChartLanguage
{
    Vietnamese,
    English,
}
