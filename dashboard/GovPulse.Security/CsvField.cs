using System.Globalization;

namespace GovPulse.Security;

/// <summary>
/// One field of a CSV record (RFC 4180) holding text that may come from outside (a dossier id, a key
/// name, a tried username): quoted, its quotes doubled, when it holds a comma, a quote or a line
/// break; and, when a spreadsheet would run it as a formula (it starts with = + - @, a tab or a
/// carriage return and is not a plain number), led by an apostrophe, as OWASP advises for CSV files
/// people open in Excel.
/// </summary>
public static class CsvField
{
    public static string Of(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var text = value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r'
            && !decimal.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _)
                ? "'" + value
                : value;
        return text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }
}
