using System.Globalization;
using System.Text;

namespace GovPulse.Security.Audit;

/// <summary>
/// The audit log as CSV (RFC 4180, UTF-8 with a byte order mark so spreadsheet programs read the
/// Vietnamese text): one header row, one row per entry, times in Vietnam time with their offset.
/// </summary>
public static class AuditCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    private static readonly string[] Header = ["at", "user", "role", "action", "request", "address", "status", "bytes", "sha256"];

    public static async Task WriteAsync(Stream output, IEnumerable<AuditEntryView> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 16 * 1024, leaveOpen: true) { NewLine = "\r\n" };
        await writer.WriteLineAsync(string.Join(',', Header));
        foreach (var entry in entries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await writer.WriteLineAsync(Row(entry));
        }

        await writer.FlushAsync(cancellationToken);
    }

    public static string Row(AuditEntryView entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return string.Join(',',
            entry.At.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture),
            Field(entry.User),
            Field(entry.Role),
            Field(entry.Action),
            Field(entry.Request),
            Field(entry.Address),
            entry.Status.ToString(CultureInfo.InvariantCulture),
            entry.Bytes.ToString(CultureInfo.InvariantCulture),
            entry.Sha256);
    }

    /// <summary>A text field, quoted and guarded against spreadsheet formulas (<see cref="CsvField"/>): a key name or a tried username is the caller's text.</summary>
    public static string Field(string value) => CsvField.Of(value);
}
