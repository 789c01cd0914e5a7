using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using GovPulse.Indicators.Periods;

namespace GovPulse.Exports.Rendering;

/// <summary>
/// Rewrites a zip (an .xlsx) so its bytes depend on its contents alone: the writer stamps every
/// entry with the clock and names the workbook's sheet relationships with random GUIDs, so each
/// entry is copied, in the original order, with one fixed time, and those names are renumbered in
/// the order they first appear (the same in every part, so the references still match).
/// </summary>
internal static partial class ReproducibleZip
{
    /// <summary>The earliest time a zip entry can carry (DOS dates start in 1980).</summary>
    private static readonly DateTimeOffset Earliest = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The entries' time: the figures' as-of instant on the local wall clock (what a file list shows).</summary>
    public static DateTimeOffset EntryTime(DateTimeOffset asOf)
    {
        var local = VietnamTime.ToLocal(asOf);
        var wall = new DateTimeOffset(local.Year, local.Month, local.Day, local.Hour, local.Minute, local.Second - (local.Second % 2), TimeSpan.Zero);
        return wall < Earliest ? Earliest : wall;
    }

    public static byte[] Rewrite(byte[] zip, DateTimeOffset entryTime)
    {
        ArgumentNullException.ThrowIfNull(zip);
        using var input = new ZipArchive(new MemoryStream(zip, writable: false), ZipArchiveMode.Read);
        var renamed = new Dictionary<string, string>(StringComparer.Ordinal);
        using var output = new MemoryStream();
        using (var archive = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var source in input.Entries)
            {
                byte[] content;
                using (var from = source.Open())
                using (var buffer = new MemoryStream())
                {
                    from.CopyTo(buffer);
                    content = buffer.ToArray();
                }

                if (source.FullName.EndsWith(".xml", StringComparison.Ordinal) || source.FullName.EndsWith(".rels", StringComparison.Ordinal))
                {
                    content = Renumbered(content, renamed);
                }

                var entry = archive.CreateEntry(source.FullName, CompressionLevel.Optimal);

                // A zip stores the wall-clock part alone (DOS time has no zone): no machine's zone enters.
                entry.LastWriteTime = entryTime;
                entry.ExternalAttributes = 0;
                using var to = entry.Open();
                to.Write(content);
            }
        }

        return output.ToArray();
    }

    private static byte[] Renumbered(byte[] content, Dictionary<string, string> renamed)
    {
        var text = Encoding.UTF8.GetString(content);
        if (!RandomId().IsMatch(text))
        {
            return content;
        }

        var replaced = RandomId().Replace(text, m =>
        {
            if (!renamed.TryGetValue(m.Value, out var id))
            {
                id = "rIdGovPulse" + (renamed.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                renamed[m.Value] = id;
            }

            return id;
        });

        // GetString keeps a byte-order mark as U+FEFF, so GetBytes writes it back unchanged.
        return Encoding.UTF8.GetBytes(replaced);
    }

    /// <summary>MiniExcel's relationship ids: "R" and a GUID without dashes.</summary>
    [GeneratedRegex(@"\bR[0-9a-f]{32}\b")]
    private static partial Regex RandomId();
}
