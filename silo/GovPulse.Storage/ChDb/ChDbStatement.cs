using System.Text;

namespace GovPulse.Storage.ChDb;

/// <summary>
/// Light lexical look at a statement's text: its leading keywords (after whitespace and comments)
/// and a trailing <c>FORMAT</c> clause. Not a parser; it only answers the questions the pool and
/// the HTTP endpoint need.
/// </summary>
internal static class ChDbStatement
{
    /// <summary>What running <paramref name="query"/> leaves behind on its connection.</summary>
    public static ChDbSessionEffect SessionEffectOf(ReadOnlySpan<byte> query)
    {
        var rest = SkipTrivia(query);
        if (StartsWithKeyword(rest, "USE"u8))
        {
            return ChDbSessionEffect.ChangesDatabase;
        }

        if (StartsWithKeyword(rest, "SET"u8))
        {
            return ChDbSessionEffect.ChangesSessionState;
        }

        if (StartsWithKeyword(rest, "CREATE"u8))
        {
            var afterCreate = SkipTrivia(rest[6..]);
            if (StartsWithKeyword(afterCreate, "TEMPORARY"u8))
            {
                return ChDbSessionEffect.ChangesSessionState;
            }
        }

        return ChDbSessionEffect.None;
    }

    /// <summary>True when the statement starts with <c>INSERT</c>.</summary>
    public static bool IsInsert(ReadOnlySpan<byte> query) => StartsWithKeyword(SkipTrivia(query), "INSERT"u8);

    /// <summary>
    /// The output format named by a trailing <c>FORMAT name</c> clause of a non-INSERT statement, or null.
    /// </summary>
    public static string? OutputFormatOf(string query)
    {
        var bytes = Encoding.UTF8.GetBytes(query);
        if (IsInsert(bytes))
        {
            return null;
        }

        var text = query.AsSpan().TrimEnd();
        if (text.EndsWith(';'))
        {
            text = text[..^1].TrimEnd();
        }

        var end = text.Length;
        var start = end;
        while (start > 0 && (char.IsAsciiLetterOrDigit(text[start - 1]) || text[start - 1] == '_'))
        {
            start--;
        }

        if (start == end || start == 0 || !char.IsWhiteSpace(text[start - 1]))
        {
            return null;
        }

        var beforeName = text[..start].TrimEnd();
        return beforeName.Length >= 6
            && beforeName[^6..].Equals("FORMAT", StringComparison.OrdinalIgnoreCase)
            && (beforeName.Length == 6 || char.IsWhiteSpace(beforeName[^7]) || beforeName[^7] == ')')
            ? text[start..end].ToString()
            : null;
    }

    private static ReadOnlySpan<byte> SkipTrivia(ReadOnlySpan<byte> text)
    {
        while (true)
        {
            var i = 0;
            while (i < text.Length && (text[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or (byte)'('))
            {
                i++;
            }

            text = text[i..];
            if (text.StartsWith("--"u8))
            {
                var newline = text.IndexOf((byte)'\n');
                text = newline < 0 ? [] : text[(newline + 1)..];
            }
            else if (text.StartsWith("/*"u8))
            {
                var close = text.IndexOf("*/"u8);
                text = close < 0 ? [] : text[(close + 2)..];
            }
            else
            {
                return text;
            }
        }
    }

    private static bool StartsWithKeyword(ReadOnlySpan<byte> text, ReadOnlySpan<byte> keyword)
    {
        if (text.Length < keyword.Length)
        {
            return false;
        }

        for (var i = 0; i < keyword.Length; i++)
        {
            if ((text[i] & 0xDF) != keyword[i])
            {
                return false;
            }
        }

        return text.Length == keyword.Length || !(char.IsAsciiLetterOrDigit((char)text[keyword.Length]) || text[keyword.Length] == '_');
    }
}
