using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using GovPulse.Exports.Documents;
using GovPulse.Indicators.Periods;
using PdfSharp.Pdf;

namespace GovPulse.Exports.Rendering;

/// <summary>
/// What makes a PDFsharp file depend on its contents alone. Before saving: the document dates are
/// the as-of instant, the creator is fixed and the trailer /ID comes from the figures hash and the
/// request. After saving, three things PDFsharp 6.2.4 draws from the clock, the machine or
/// <see cref="Guid.NewGuid"/> are replaced by equally long text (so the cross-reference offsets
/// stay right): the time-zone offset it appends to the dates (the machine's), the XMP metadata's
/// document and instance uuids, and the six-letter tags of the embedded font subsets.
/// </summary>
internal static partial class ReproduciblePdf
{
    private const string Creator = "GovPulse";

    public static void Prepare(PdfDocument document, ExportStamp stamp, string title)
    {
        var local = VietnamTime.ToLocal(stamp.AsOf);
        var wall = DateTime.SpecifyKind(local.DateTime, DateTimeKind.Unspecified);
        document.Info.Title = title;
        document.Info.Creator = Creator;
        document.Info.CreationDate = wall;
        document.Info.ModificationDate = wall;
        document.Options.CompressContentStreams = true;
        var id = Identity(stamp);
        var raw = new string(id.AsSpan(0, 16).ToArray().Select(b => (char)b).ToArray());
        document.Internals.FirstDocumentID = raw;
        document.Internals.SecondDocumentID = raw;
    }

    public static byte[] Normalise(byte[] pdf, ExportStamp stamp)
    {
        ArgumentNullException.ThrowIfNull(pdf);

        // Latin-1 maps every byte to one char and back, so binary streams survive untouched.
        var latin1 = Encoding.Latin1;
        var text = latin1.GetString(pdf);
        var offset = VietnamTime.ToLocal(stamp.AsOf).ToString("zzz", CultureInfo.InvariantCulture);
        text = PdfDateOffset().Replace(text, m => m.Groups[1].Value + offset.Replace(':', '\'') + "'");
        text = XmpDateOffset().Replace(text, m => m.Groups[1].Value + offset + m.Groups[3].Value);

        var id = Identity(stamp);
        text = XmpUuid().Replace(text, m => m.Groups[1].Value + Uuid(id, m.Groups[1].Value.Contains("Instance", StringComparison.Ordinal) ? 1 : 0));

        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        text = SubsetTag().Replace(text, m =>
        {
            if (!tags.TryGetValue(m.Groups[1].Value, out var tag))
            {
                tag = SubsetTagFor(tags.Count);
                tags[m.Groups[1].Value] = tag;
            }

            return "/" + tag + "+";
        });
        return latin1.GetBytes(text);
    }

    /// <summary>32 bytes that name this file: the figures it shows and the request (format, language) it answers.</summary>
    private static byte[] Identity(ExportStamp stamp) =>
        SHA256.HashData(Encoding.UTF8.GetBytes(stamp.FiguresSha256 + "\n" + stamp.Request));

    private static string Uuid(byte[] id, int which)
    {
        var hex = Convert.ToHexString(id.AsSpan(which * 16, 16)).ToLowerInvariant();
        return $"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..]}";
    }

    /// <summary>AAAAAA, AAAAAB, …: six upper-case letters, as the PDF reference asks of a subset tag.</summary>
    private static string SubsetTagFor(int index)
    {
        var letters = new char[6];
        for (var i = 5; i >= 0; i--)
        {
            letters[i] = (char)('A' + (index % 26));
            index /= 26;
        }

        return new string(letters);
    }

    /// <summary>(D:20261201083000+07'00'): PDFsharp appends the machine's offset to the local time it was given.</summary>
    [GeneratedRegex(@"(\(D:\d{14})[+-]\d\d'\d\d'")]
    private static partial Regex PdfDateOffset();

    [GeneratedRegex(@"(<xmp:(?:CreateDate|ModifyDate)>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)([+-]\d\d:\d\d)(</xmp:)")]
    private static partial Regex XmpDateOffset();

    [GeneratedRegex(@"(<xmpMM:(?:DocumentID|InstanceID)>uuid:)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex XmpUuid();

    [GeneratedRegex(@"/([A-Z]{6})\+(?=DejaVu)")]
    private static partial Regex SubsetTag();
}
