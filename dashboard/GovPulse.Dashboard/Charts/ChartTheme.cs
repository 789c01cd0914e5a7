namespace GovPulse.Dashboard.Charts;

/// <summary>Light or dark: the page asks for the one its reader's system uses (prefers-color-scheme).</summary>
public enum ChartTheme
{
    Light,
    Dark,
}
