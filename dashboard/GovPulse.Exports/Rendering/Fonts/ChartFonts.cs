using ScottPlot;
using SkiaSharp;

namespace GovPulse.Exports.Rendering.Fonts;

/// <summary>
/// Serves the bundled DejaVu Sans to ScottPlot, so a chart's PNG has the same glyphs (and bytes)
/// on every machine. Added once to ScottPlot's process-wide resolver list, which it asks before
/// the system's fonts; other families still come from the system.
/// </summary>
internal sealed class ChartFonts : IFontResolver
{
    private static readonly object Gate = new();
    private static bool installed;

    private ChartFonts()
    {
    }

    public static void Install()
    {
        if (Volatile.Read(ref installed))
        {
            return;
        }

        lock (Gate)
        {
            if (!installed)
            {
                ScottPlot.Fonts.FontResolvers.Insert(0, new ChartFonts());
                Volatile.Write(ref installed, true);
            }
        }
    }

    public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing spacing) =>
        CreateTypeface(fontName, (int)weight >= (int)FontWeight.SemiBold, slant != FontSlant.Upright);

    public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic)
    {
        if (!BundledFonts.IsFamily(fontName) || italic)
        {
            return null;
        }

        using var data = SKData.CreateCopy(bold ? BundledFonts.Bold : BundledFonts.Regular);
        return SKTypeface.FromData(data);
    }
}
