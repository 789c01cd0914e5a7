using GovPulse.Indicators.Scoring;

namespace GovPulse.Dashboard.Charts;

/// <summary>
/// The bands' colours as the page draws them (wwwroot/app.css <c>--b-*</c>, light theme): the ink of
/// each band badge, dark enough for a bar on white and for white text on it. Charts drawn on the
/// server (export files) use these so a bar has the colour of the band badge beside the unit.
/// </summary>
public static class BandPalette
{
    /// <summary>For a figure without a band (no total): the page's muted ink.</summary>
    public const string None = "#505b67";

    public static string Of(Band? band) => band is null ? None
        : band == Band.Excellent ? "#0b5130"
        : band == Band.Good ? "#0b3d6b"
        : band == Band.Fair ? "#574000"
        : band == Band.Average ? "#6b3300"
        : band == Band.Weak ? "#7a1010"
        : None;
}
