using System.Reflection;

namespace GovPulse.Exports.Rendering.Fonts;

/// <summary>
/// DejaVu Sans, regular and bold, from this assembly (Rendering/Fonts, Bitstream Vera licence beside
/// them): every Vietnamese glyph, and the same glyphs on every machine, so a PDF or chart never
/// depends on which fonts the node has.
/// </summary>
internal static class BundledFonts
{
    /// <summary>
    /// The family name the PDF and chart resolvers answer to: not "DejaVu Sans", so no other
    /// resolver (or ScottPlot's typeface cache, filled by the dashboard's charts from the system's
    /// fonts) can answer instead with a different file. SVGs name DejaVu Sans (AccessibleSvg).
    /// </summary>
    public const string Family = "GovPulse DejaVu Sans";

    private static readonly Lazy<byte[]> RegularBytes = new(() => Load("DejaVuSans.ttf"));
    private static readonly Lazy<byte[]> BoldBytes = new(() => Load("DejaVuSans-Bold.ttf"));

    public static byte[] Regular => RegularBytes.Value;

    public static byte[] Bold => BoldBytes.Value;

    public static bool IsFamily(string? name) => string.Equals(name, Family, StringComparison.OrdinalIgnoreCase);

    private static byte[] Load(string file)
    {
        var name = "GovPulse.Exports.Fonts." + file;
        using var stream = typeof(BundledFonts).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The font {name} is not embedded in {typeof(BundledFonts).Assembly.GetName().Name}.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
