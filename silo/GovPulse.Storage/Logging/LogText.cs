using System.Globalization;
using System.Text;

namespace GovPulse.Storage.Logging;

/// <summary>
/// Text from outside (a request, a file, a database row) as a log line may quote it: characters
/// that could end the line, start a forged one or reorder what a reader sees are written as
/// <c>\uXXXX</c>. The rest is left as it is, so an ordinary value reads the same in the log.
/// </summary>
/// <remarks>
/// Escaped: control characters (C0, DEL, C1: newline and ESC included), Unicode format characters
/// (bidirectional overrides, isolates and marks, zero-width characters, the byte order mark), the
/// line and paragraph separators, and UTF-16 surrogates without their other half. A backslash is
/// not doubled: the escape is for reading, not for decoding back.
/// </remarks>
public static class LogText
{
    /// <summary>The value with every character that could forge or hide log text written as <c>\uXXXX</c>; <c>(none)</c> for null.</summary>
    public static string Escape(string? value)
    {
        if (value is null)
        {
            return "(none)";
        }

        var first = FirstToEscape(value);
        if (first < 0)
        {
            return value;
        }

        var text = new StringBuilder(value.Length + 16);
        text.Append(value, 0, first);
        for (var i = first; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                var rune = new Rune(c, value[i + 1]);
                if (MustEscape(rune))
                {
                    AppendEscaped(text, c);
                    AppendEscaped(text, value[i + 1]);
                }
                else
                {
                    text.Append(c).Append(value[i + 1]);
                }

                i++;
            }
            else if (char.IsSurrogate(c) || MustEscape(new Rune(c)))
            {
                AppendEscaped(text, c);
            }
            else
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }

    /// <summary>Whether a character is one <see cref="Escape"/> writes as <c>\uXXXX</c>: control, format, line or paragraph separator.</summary>
    public static bool MustEscape(Rune rune) => Rune.GetUnicodeCategory(rune) is
        UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;

    /// <summary>Appends <c>\uXXXX</c> for one UTF-16 code unit.</summary>
    public static void AppendEscaped(StringBuilder text, char c)
    {
        ArgumentNullException.ThrowIfNull(text);
        text.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
    }

    /// <summary>The index of the first UTF-16 unit to escape, or -1; printable ASCII (most values) is skipped in one vectorised pass.</summary>
    private static int FirstToEscape(string value)
    {
        var start = value.AsSpan().IndexOfAnyExceptInRange(' ', '~');
        if (start < 0)
        {
            return -1;
        }

        for (var i = start; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                if (MustEscape(new Rune(c, value[i + 1])))
                {
                    return i;
                }

                i++;
            }
            else if (char.IsSurrogate(c) || MustEscape(new Rune(c)))
            {
                return i;
            }
        }

        return -1;
    }
}
