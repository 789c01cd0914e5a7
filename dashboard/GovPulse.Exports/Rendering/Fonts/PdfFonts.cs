using PdfSharp.Fonts;

namespace GovPulse.Exports.Rendering.Fonts;

/// <summary>
/// Serves the bundled DejaVu Sans to PDFsharp. PDFsharp's resolver is process-wide and may be set
/// only before its first use, so it is installed once (thread-safely) and never replaces another
/// one: if someone else set the main resolver first, ours becomes the fallback, asked for the
/// families the main one does not know.
/// </summary>
internal sealed class PdfFonts : IFontResolver
{
    private const string RegularFace = "GovPulse-DejaVuSans";
    private const string BoldFace = "GovPulse-DejaVuSans-Bold";

    private static readonly object Gate = new();
    private static readonly PdfFonts Instance = new();
    private static bool installed;

    private PdfFonts()
    {
    }

    /// <summary>Makes the bundled family available to PDFsharp; cheap after the first call.</summary>
    public static void Install()
    {
        if (Volatile.Read(ref installed))
        {
            return;
        }

        lock (Gate)
        {
            if (installed)
            {
                return;
            }

            if (GlobalFontSettings.FontResolver is null)
            {
                GlobalFontSettings.FontResolver = Instance;
            }
            else if (GlobalFontSettings.FontResolver is not PdfFonts && GlobalFontSettings.FallbackFontResolver is null)
            {
                GlobalFontSettings.FallbackFontResolver = Instance;
            }

            Volatile.Write(ref installed, true);
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool isBold, bool isItalic) =>
        BundledFonts.IsFamily(familyName)
            ? new FontResolverInfo(isBold ? BoldFace : RegularFace, mustSimulateBold: false, mustSimulateItalic: isItalic)
            : null;

    public byte[]? GetFont(string faceName) => faceName switch
    {
        RegularFace => BundledFonts.Regular,
        BoldFace => BundledFonts.Bold,
        _ => null,
    };
}
