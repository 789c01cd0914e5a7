using System.Globalization;
using System.Security;
using System.Text.RegularExpressions;

namespace GovPulse.Dashboard.Charts;

/// <summary>
/// Turns ScottPlot's SVG into one a page can scale and a screen reader can read: a <c>viewBox</c>
/// (so it shrinks to a phone's width), <c>role="img"</c> with a <c>&lt;title&gt;</c> and a
/// <c>&lt;desc&gt;</c> that carries every figure, and text a browser lays out with its own fonts.
/// </summary>
public static partial class AccessibleSvg
{
    public const string TitleId = "chart-title";
    public const string DescriptionId = "chart-desc";

    /// <summary>Fonts tried in order: the one the server measured with, then metric-alike ones phones have.</summary>
    public const string FontFamily = "DejaVu Sans, Verdana, Arial, Helvetica, sans-serif";

    public static string From(string svg, int width, int height, string title, string description, ChartWords words, ChartPalette palette, string? message = null)
    {
        ArgumentNullException.ThrowIfNull(svg);
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(palette);
        var open = SvgOpenTag().Match(svg);
        if (!open.Success)
        {
            throw new ArgumentException("not an SVG document", nameof(svg));
        }

        var attributes = string.Create(
            CultureInfo.InvariantCulture,
            $" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-labelledby=\"{TitleId} {DescriptionId}\" xml:lang=\"{words.LanguageTag}\"");
        var head = open.Value[..^1] + attributes + ">"
            + $"\n\t<title id=\"{TitleId}\">{SecurityElement.Escape(title)}</title>"
            + $"\n\t<desc id=\"{DescriptionId}\">{SecurityElement.Escape(description)}</desc>";
        var body = svg[(open.Index + open.Length)..];

        // ScottPlot places every glyph itself (x="a, b, c, "), a list a browser may refuse and that
        // only fits the server's font; keep the first position and let the browser lay out the rest.
        body = GlyphPositions().Replace(body, " $1=\"$2\"");
        body = FontFamilyAttribute().Replace(body, $"font-family=\"{FontFamily}\"");

        // ScottPlot numbers its clip paths from a process-wide counter; number them per chart, so the
        // same figures always give the same bytes (and the same ETag).
        var clips = new Dictionary<string, string>(StringComparer.Ordinal);
        body = ClipPathId().Replace(body, m =>
        {
            if (!clips.TryGetValue(m.Groups[2].Value, out var id))
            {
                id = string.Create(CultureInfo.InvariantCulture, $"clip-{clips.Count + 1}");
                clips[m.Groups[2].Value] = id;
            }

            return m.Groups[1].Value + id + m.Groups[3].Value;
        });
        if (message is not null)
        {
            var centre = string.Create(CultureInfo.InvariantCulture, $"x=\"{width / 2}\" y=\"{height / 2}\"");
            var text = $"\t<text {centre} text-anchor=\"middle\" dominant-baseline=\"middle\" font-size=\"15\" font-family=\"{FontFamily}\" fill=\"{palette.Ink}\">{SecurityElement.Escape(message)}</text>\n";
            var end = body.LastIndexOf("</svg>", StringComparison.Ordinal);
            body = body[..end] + text + body[end..];
        }

        return svg[..open.Index] + head + body;
    }

    [GeneratedRegex(@"<svg\b[^>]*>")]
    private static partial Regex SvgOpenTag();

    [GeneratedRegex(@" (x|y)=""(-?[0-9.]+(?:[eE][-+]?[0-9]+)?)(?:,\s*[^""]*)""")]
    private static partial Regex GlyphPositions();

    [GeneratedRegex(@"(id=""|url\(#)(cl_[0-9A-Za-z]+)(""|\))")]
    private static partial Regex ClipPathId();

    [GeneratedRegex(@"font-family=""[^""]*""")]
    private static partial Regex FontFamilyAttribute();
}
