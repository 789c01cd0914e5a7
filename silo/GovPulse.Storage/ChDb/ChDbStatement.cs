using System.Text;

namespace GovPulse.Storage.ChDb;

/// <summary>
/// Light lexical look at a statement's text: its leading keywords (after whitespace and comments)
/// and a trailing <c>FORMAT</c> clause. Not a parser; it only answers the questions the pool and
/// the HTTP endpoint need.
/// </summary>
internal static class ChDbStatement
{
    /// <summary>
    /// What running <paramref name="query"/> leaves behind on its connection, looking at the
    /// start of every statement in it (chDB runs <c>;</c>-separated statements in one call). An
    /// INSERT ends the scan: what follows it is data.
    /// </summary>
    public static ChDbSessionEffect SessionEffectOf(ReadOnlySpan<byte> query)
    {
        var effect = ChDbSessionEffect.None;
        var rest = query;
        while (true)
        {
            rest = SkipTrivia(rest);
            if (rest.IsEmpty || StartsWithKeyword(rest, "INSERT"u8))
            {
                return effect;
            }

            effect = Max(effect, EffectOfStatementStart(rest));
            var next = EndOfStatement(rest);
            if (next < 0)
            {
                return effect;
            }

            rest = rest[(next + 1)..];
        }
    }

    /// <summary>True when the statement starts with <c>INSERT</c>.</summary>
    public static bool IsInsert(ReadOnlySpan<byte> query) => StartsWithKeyword(SkipTrivia(query), "INSERT"u8);

    /// <summary>True when the statement only reads (<c>SELECT</c>, <c>WITH</c>, <c>SHOW</c>, <c>DESCRIBE</c>, <c>DESC</c>, <c>EXISTS</c>, <c>EXPLAIN</c>).</summary>
    public static bool IsRead(ReadOnlySpan<byte> query)
    {
        var start = SkipTrivia(query);
        return StartsWithKeyword(start, "SELECT"u8) || StartsWithKeyword(start, "WITH"u8) || StartsWithKeyword(start, "SHOW"u8)
            || StartsWithKeyword(start, "DESCRIBE"u8) || StartsWithKeyword(start, "DESC"u8) || StartsWithKeyword(start, "EXISTS"u8)
            || StartsWithKeyword(start, "EXPLAIN"u8);
    }

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

    private static ChDbSessionEffect EffectOfStatementStart(ReadOnlySpan<byte> statement)
    {
        if (StartsWithKeyword(statement, "USE"u8))
        {
            return ChDbSessionEffect.ChangesDatabase;
        }

        if (StartsWithKeyword(statement, "SET"u8))
        {
            return ChDbSessionEffect.ChangesSessionState;
        }

        return StartsWithKeyword(statement, "CREATE"u8) && StartsWithKeyword(SkipTrivia(statement[6..]), "TEMPORARY"u8)
            ? ChDbSessionEffect.ChangesSessionState
            : ChDbSessionEffect.None;
    }

    private static ChDbSessionEffect Max(ChDbSessionEffect a, ChDbSessionEffect b) => (ChDbSessionEffect)Math.Max((int)a, (int)b);

    /// <summary>Index of the <c>;</c> ending the statement (outside quotes and comments), or -1.</summary>
    private static int EndOfStatement(ReadOnlySpan<byte> text)
    {
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == (byte)';')
            {
                return i;
            }

            if (c is (byte)'\'' or (byte)'"' or (byte)'`')
            {
                i++;
                while (i < text.Length && text[i] != c)
                {
                    i += text[i] == (byte)'\\' ? 2 : 1;
                }

                i++;
            }
            else if (c == (byte)'-' && i + 1 < text.Length && text[i + 1] == (byte)'-')
            {
                var newline = text[i..].IndexOf((byte)'\n');
                i = newline < 0 ? text.Length : i + newline + 1;
            }
            else if (c == (byte)'/' && i + 1 < text.Length && text[i + 1] == (byte)'*')
            {
                var close = text[(i + 2)..].IndexOf("*/"u8);
                i = close < 0 ? text.Length : i + 2 + close + 2;
            }
            else
            {
                i++;
            }
        }

        return -1;
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
