using GovPulse.Exports.Documents;
using GovPulse.Exports.Rendering.Fonts;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace GovPulse.Exports.Rendering;

/// <summary>
/// Pages of one PDF being written top to bottom: a cursor that starts a new page when the next
/// block does not fit, the fonts, table rows with fitted text, and the page footers (drawn last,
/// when the number of pages is known).
/// </summary>
internal sealed class PdfLayout : IDisposable
{
    public const double Margin = 36;
    private const double FooterRoom = 24;

    private readonly PdfDocument _document;
    private readonly double _width;
    private readonly double _height;
    private XGraphics? _graphics;

    public PdfLayout(PdfDocument document, bool landscape)
    {
        PdfFonts.Install();
        _document = document;
        _width = landscape ? 842 : 595;
        _height = landscape ? 595 : 842;
        // The whole font, not a subset: PDFsharp 6.2.4's subsetter drops the stacked-accent parts of
        // composite glyphs (ấ, ế, ố, ắ came out as a, e, o, a), and Vietnamese needs every one.
        var options = new XPdfFontOptions(PdfFontEncoding.Unicode, PdfFontEmbedding.EmbedCompleteFontFile);
        Regular = new XFont(BundledFonts.Family, 8, XFontStyleEx.Regular, options);
        Bold = new XFont(BundledFonts.Family, 8, XFontStyleEx.Bold, options);
        Small = new XFont(BundledFonts.Family, 7, XFontStyleEx.Regular, options);
        Title = new XFont(BundledFonts.Family, 13, XFontStyleEx.Bold, options);
        NewPage();
    }

    public XFont Regular { get; }

    public XFont Bold { get; }

    public XFont Small { get; }

    public XFont Title { get; }

    public double Y { get; set; }

    public static double Left => Margin;

    public double ContentWidth => _width - (2 * Margin);

    public double Bottom => _height - Margin - FooterRoom;

    public XGraphics Graphics => _graphics ?? throw new ObjectDisposedException(nameof(PdfLayout));

    /// <summary>Starts a new page unless <paramref name="height"/> more points fit on this one; true when it did.</summary>
    public bool Ensure(double height)
    {
        if (Y + height <= Bottom)
        {
            return false;
        }

        NewPage();
        return true;
    }

    public void NewPage()
    {
        _graphics?.Dispose();
        var page = _document.AddPage();
        page.Width = XUnit.FromPoint(_width);
        page.Height = XUnit.FromPoint(_height);
        _graphics = XGraphics.FromPdfPage(page);
        Y = Margin;
    }

    /// <summary>A line of text across the page.</summary>
    public void Line(string text, XFont font, double height = 13)
    {
        Ensure(height);
        Text(text, font, Left, Y, ContentWidth, height, XStringFormats.CenterLeft);
        Y += height;
    }

    /// <summary>One table row: cells of the given widths, text shrunk (then cut) to fit its cell.</summary>
    public void Row(IReadOnlyList<(string Text, double Width, XStringFormat Format)> cells, XFont font, double height, XColor? fill = null)
    {
        var x = Left;
        var width = cells.Sum(c => c.Width);
        if (fill is { } colour)
        {
            Graphics.DrawRectangle(new XSolidBrush(colour), x, Y, width, height);
        }

        foreach (var cell in cells)
        {
            Text(cell.Text, font, x + 2, Y, cell.Width - 4, height, cell.Format);
            x += cell.Width;
        }

        Graphics.DrawLine(new XPen(XColor.FromArgb(0xd5, 0xda, 0xe0), 0.5), Left, Y + height, Left + width, Y + height);
        Y += height;
    }

    /// <summary>An image scaled to the content width (never enlarged, never taller than <paramref name="maxHeight"/>).</summary>
    public void Image(byte[] png, double maxHeight)
    {
        using var image = XImage.FromStream(new MemoryStream(png, writable: false));
        var scale = Math.Min(1, Math.Min(ContentWidth / image.PointWidth, maxHeight / image.PointHeight));
        var width = image.PointWidth * scale;
        var height = image.PointHeight * scale;
        Ensure(height);
        Graphics.DrawImage(image, Left + ((ContentWidth - width) / 2), Y, width, height);
        Y += height;
    }

    /// <summary>Puts "page n of N" and the stamp's short line at the foot of every page.</summary>
    public void Footers(ExportWords words, string left)
    {
        _graphics?.Dispose();
        _graphics = null;
        for (var i = 0; i < _document.PageCount; i++)
        {
            using var graphics = XGraphics.FromPdfPage(_document.Pages[i], XGraphicsPdfPageOptions.Append);
            var y = _height - Margin - 12;
            graphics.DrawString(Fitted(graphics, left, Small, ContentWidth - 90), Small, XBrushes.DimGray, new XRect(Left, y, ContentWidth - 90, 12), XStringFormats.CenterLeft);
            graphics.DrawString(words.Page(i + 1, _document.PageCount), Small, XBrushes.DimGray, new XRect(Left, y, ContentWidth, 12), XStringFormats.CenterRight);
        }
    }

    public void Dispose() => _graphics?.Dispose();

    private void Text(string text, XFont font, double x, double y, double width, double height, XStringFormat format)
    {
        // A head too wide for its column takes two lines when the row is tall enough (group names).
        if (height >= 2.4 * font.Size && Graphics.MeasureString(text, font).Width > width && TwoLines(text) is var (first, second))
        {
            var half = height / 2;
            Text(first, font, x, y, width, half, Below(format));
            Text(second, font, x, y + half, width, half, Above(format));
            return;
        }

        var fitted = font;
        while (Graphics.MeasureString(text, fitted).Width > width && fitted.Size > 5.5)
        {
            fitted = new XFont(BundledFonts.Family, fitted.Size - 0.5, font.Style, font.PdfOptions);
        }

        Graphics.DrawString(Fitted(Graphics, text, fitted, width), fitted, XBrushes.Black, new XRect(x, y, width, height), format);
    }

    /// <summary>The text split at the space nearest its middle; null when it has none.</summary>
    private static (string First, string Second)? TwoLines(string text)
    {
        var middle = text.Length / 2;
        var best = -1;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == ' ' && (best < 0 || Math.Abs(i - middle) < Math.Abs(best - middle)))
            {
                best = i;
            }
        }

        return best < 0 ? null : (text[..best], text[(best + 1)..]);
    }

    /// <summary>The first of two lines sits at the bottom of its half, the second at the top of its own.</summary>
    private static XStringFormat Below(XStringFormat format) =>
        format.Alignment == XStringAlignment.Far ? XStringFormats.BottomRight : XStringFormats.BottomLeft;

    private static XStringFormat Above(XStringFormat format) =>
        format.Alignment == XStringAlignment.Far ? XStringFormats.TopRight : XStringFormats.TopLeft;

    /// <summary>The text, cut with an ellipsis when even the smallest size does not fit.</summary>
    private static string Fitted(XGraphics graphics, string text, XFont font, double width)
    {
        if (graphics.MeasureString(text, font).Width <= width)
        {
            return text;
        }

        var cut = text;
        while (cut.Length > 1 && graphics.MeasureString(cut + "…", font).Width > width)
        {
            cut = cut[..^1];
        }

        return cut + "…";
    }
}
