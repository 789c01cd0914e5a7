using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using GovPulse.Storage.Logging;

namespace GovPulse.Ingest.Wire;

/// <summary>
/// A JSON string field as text the node can keep: valid Unicode (no invalid UTF-8, no lone
/// surrogate, escaped or raw) and, for ids and codes, visible characters only (<see cref="TextRule"/>).
/// A problem is described with the character's code point and its 1-based position in the value.
/// </summary>
internal static class WireString
{
    /// <summary>The string of a JSON string element, or false when its text is not valid Unicode.</summary>
    public static bool TryGetString(JsonElement v, out string text)
    {
        try
        {
            text = v.GetString()!;
            return true;
        }
        catch (InvalidOperationException)
        {
            // System.Text.Json throws when it transcodes invalid UTF-8 or an escaped lone surrogate.
            text = string.Empty;
            return false;
        }
    }

    /// <summary>
    /// The text of a JSON string element, or why it cannot be used, without the field's name:
    /// e.g. <c>contains a control character (U+0007) at position 4; ids and codes must be visible text</c>.
    /// </summary>
    public static string? TryRead(JsonElement v, TextRule rule, out string text)
    {
        if (!TryGetString(v, out text))
        {
            return UnreadableProblem(JsonMarshal.GetRawUtf8Value(v));
        }

        return Problem(text, rule);
    }

    /// <summary>The first character <paramref name="rule"/> does not allow, described; null when there is none.</summary>
    public static string? Problem(string text, TextRule rule)
    {
        // Printable ASCII, nearly every id, is checked in one vectorised pass.
        var start = text.AsSpan().IndexOfAnyExceptInRange(' ', '~');
        if (start < 0)
        {
            return null;
        }

        var position = start; // every character before it is one UTF-16 unit
        var rest = text.AsSpan(start);
        while (!rest.IsEmpty)
        {
            position++;
            Rune.DecodeFromUtf16(rest, out var rune, out var used);
            var what = Forbidden(rune, rule);
            if (what is not null)
            {
                return $"contains {what} ({CodePoint(rune.Value)}) at position {position.ToString(CultureInfo.InvariantCulture)}; "
                    + (rule == TextRule.Identifier ? "ids and codes must be visible text" : "free text may hold tabs and line breaks but no other control character");
            }

            rest = rest[used..];
        }

        return null;
    }

    /// <summary>
    /// Why a JSON string's raw UTF-8 (quotes included, escapes as written) does not decode: the first
    /// invalid UTF-8 sequence or escaped lone surrogate and its 1-based character position.
    /// </summary>
    private static string UnreadableProblem(ReadOnlySpan<byte> raw)
    {
        var content = raw.Length >= 2 ? raw[1..^1] : raw;
        var position = 0;
        while (!content.IsEmpty)
        {
            position++;
            var at = position.ToString(CultureInfo.InvariantCulture);
            if (content[0] == (byte)'\\')
            {
                var unit = ReadEscape(content, out var length);
                if (unit is { } u && char.IsSurrogate(u))
                {
                    var pairedLength = 0;
                    var paired = char.IsHighSurrogate(u)
                        && ReadEscape(content[length..], out pairedLength) is { } low && char.IsLowSurrogate(low);
                    if (!paired)
                    {
                        return $"contains a lone surrogate ({CodePoint(u)}) at position {at}; expected valid Unicode (an escaped surrogate only as half of a pair)";
                    }

                    length += pairedLength;
                }

                content = content[Math.Max(length, 1)..];
                continue;
            }

            if (Rune.DecodeFromUtf8(content, out _, out var used) != System.Buffers.OperationStatus.Done)
            {
                var bytes = string.Join(" ", content[..used].ToArray().Select(b => $"0x{b:X2}"));
                return $"contains invalid UTF-8 ({(used == 1 ? "byte" : "bytes")} {bytes}) at position {at}; expected text encoded as UTF-8";
            }

            content = content[used..];
        }

        return "is not valid Unicode; expected text encoded as UTF-8";
    }

    private static string? Forbidden(Rune rune, TextRule rule)
    {
        var category = Rune.GetUnicodeCategory(rune);
        if (category == UnicodeCategory.Control)
        {
            return rule == TextRule.FreeText && rune.Value is 0x09 or 0x0A or 0x0D ? null : "a control character";
        }

        if (rule == TextRule.FreeText)
        {
            return null;
        }

        return category switch
        {
            UnicodeCategory.Format when IsBidirectional(rune.Value) => "a bidirectional formatting character",
            UnicodeCategory.Format => "an invisible formatting character",
            UnicodeCategory.LineSeparator => "a line separator",
            UnicodeCategory.ParagraphSeparator => "a paragraph separator",
            _ => null,
        };
    }

    /// <summary>Marks, embeddings, overrides and isolates: the characters that reorder how text around them is shown.</summary>
    private static bool IsBidirectional(int c) => c is 0x061C or 0x200E or 0x200F or (>= 0x202A and <= 0x202E) or (>= 0x2066 and <= 0x2069);

    /// <summary>The UTF-16 unit of the escape at the start of <paramref name="s"/> when it is <c>\uXXXX</c>, else null; and its length in bytes.</summary>
    private static char? ReadEscape(ReadOnlySpan<byte> s, out int length)
    {
        if (s.Length >= 6 && s[0] == (byte)'\\' && s[1] == (byte)'u'
            && int.TryParse(s.Slice(2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var unit))
        {
            length = 6;
            return (char)unit;
        }

        length = s.Length >= 2 && s[0] == (byte)'\\' ? 2 : 0;
        return null;
    }

    private static string CodePoint(int value) => $"U+{value.ToString(value > 0xFFFF ? "X5" : "X4", CultureInfo.InvariantCulture)}";
}
