using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using GovPulse.Storage.Logging;

namespace GovPulse.Ingest.Wire;

/// <summary>
/// An offending value as a rejection message shows it: a string in single quotes, anything else as
/// its JSON text; cut after <see cref="MaxLength"/> characters so a huge value cannot flood the answer.
/// Never raw: control, format and separator characters are shown as <c>\uXXXX</c>
/// (<see cref="LogText"/>), a string that is not valid Unicode as its JSON text, escapes as written
/// and invalid UTF-8 bytes as <c>\xNN</c>.
/// </summary>
internal static class ShownValue
{
    public const int MaxLength = 64;

    public static string Of(JsonElement v)
    {
        if (v.ValueKind == JsonValueKind.String)
        {
            if (WireString.TryGetString(v, out var s))
            {
                return Quoted(s);
            }

            var raw = JsonMarshal.GetRawUtf8Value(v);
            return $"'{Utf8(raw.Length >= 2 ? raw[1..^1] : raw)}'";
        }

        return Utf8(JsonMarshal.GetRawUtf8Value(v));
    }

    public static string Quoted(string s) => $"'{Cut(s)}'";

    private static string Cut(string s)
    {
        if (s.Length <= MaxLength)
        {
            return LogText.Escape(s);
        }

        var end = char.IsHighSurrogate(s[MaxLength - 1]) ? MaxLength - 1 : MaxLength;
        return LogText.Escape(s[..end]) + "…";
    }

    /// <summary>JSON text as bytes, which may hold invalid UTF-8: decoded character by character, invalid bytes as <c>\xNN</c>.</summary>
    private static string Utf8(ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder();
        Span<char> units = stackalloc char[2];
        var shown = 0;
        while (!bytes.IsEmpty)
        {
            if (shown++ == MaxLength)
            {
                return text.Append('…').ToString();
            }

            if (Rune.DecodeFromUtf8(bytes, out var rune, out var used) != System.Buffers.OperationStatus.Done)
            {
                foreach (var b in bytes[..used])
                {
                    text.Append(CultureInfo.InvariantCulture, $"\\x{b:X2}");
                }
            }
            else if (LogText.MustEscape(rune))
            {
                var n = rune.EncodeToUtf16(units);
                for (var i = 0; i < n; i++)
                {
                    LogText.AppendEscaped(text, units[i]);
                }
            }
            else
            {
                text.Append(rune.ToString());
            }

            bytes = bytes[used..];
        }

        return text.ToString();
    }
}
