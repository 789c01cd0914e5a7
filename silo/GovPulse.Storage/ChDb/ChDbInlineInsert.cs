using System.Text;

namespace GovPulse.Storage.ChDb;

/// <summary>
/// An <c>INSERT ... FORMAT name</c> statement followed by inline data, split into the statement
/// and the data so that the data can reach the engine through <c>FROM INFILE</c>.
/// </summary>
/// <remarks>
/// chDB runs every call through clickhouse-client's multi-statement splitter, which ends the
/// inline data of any format but <c>Values</c> at the first empty line (<c>\n\n</c>) and drops the
/// rest without an error. RowBinary data holds <c>0A 0A</c> often (the UInt64 2570 does), and text
/// formats may hold blank lines, so inline data is not safe. <c>INSERT INTO t (..) FROM INFILE
/// 'file' FORMAT name</c> reads the same bytes from a file instead.
/// </remarks>
internal readonly ref struct ChDbInlineInsert
{
    private ChDbInlineInsert(ReadOnlySpan<byte> head, ReadOnlySpan<byte> tail, ReadOnlySpan<byte> data)
    {
        Head = head;
        Tail = tail;
        Data = data;
    }

    /// <summary><c>INSERT INTO table [(columns)]</c>: where <c>FROM INFILE</c> goes.</summary>
    public ReadOnlySpan<byte> Head { get; }

    /// <summary><c>[SETTINGS ...] FORMAT name</c>.</summary>
    public ReadOnlySpan<byte> Tail { get; }

    /// <summary>The inline data, exactly as ClickHouse's parser delimits its start.</summary>
    public ReadOnlySpan<byte> Data { get; }

    /// <summary>
    /// Splits <paramref name="query"/> when it is one INSERT into a table with a <c>FORMAT</c>
    /// other than <c>Values</c> and non-empty inline data; otherwise returns false (run it as is).
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> query, out ChDbInlineInsert insert)
    {
        insert = default;
        var i = SkipSpaceAndComments(query, 0);
        if (!TryKeyword(query, ref i, "INSERT"u8) || !TryKeyword(query, ref i, "INTO"u8))
        {
            return false;
        }

        TryKeyword(query, ref i, "TABLE"u8);
        if (IsKeywordAt(query, SkipSpaceAndComments(query, i), "FUNCTION"u8))
        {
            return false;
        }

        // [db.]table, each part bare or quoted.
        while (true)
        {
            i = SkipSpaceAndComments(query, i);
            if (!TrySkipName(query, ref i))
            {
                return false;
            }

            var afterName = SkipSpaceAndComments(query, i);
            if (afterName < query.Length && query[afterName] == (byte)'.')
            {
                i = afterName + 1;
                continue;
            }

            break;
        }

        var afterTable = SkipSpaceAndComments(query, i);
        if (afterTable < query.Length && query[afterTable] == (byte)'(')
        {
            i = SkipParenthesized(query, afterTable);
            if (i < 0)
            {
                return false;
            }
        }

        var headEnd = i;

        // [SETTINGS k = v, ...] FORMAT name
        while (true)
        {
            i = SkipSpaceAndComments(query, i);
            if (i >= query.Length)
            {
                return false;
            }

            var c = query[i];
            if (c is (byte)'\'' or (byte)'"' or (byte)'`')
            {
                i = SkipQuoted(query, i);
                if (i < 0)
                {
                    return false;
                }

                continue;
            }

            if (!IsWordByte(c))
            {
                if (c is (byte)'(' or (byte)';')
                {
                    return false;
                }

                i++;
                continue;
            }

            var wordStart = i;
            while (i < query.Length && IsWordByte(query[i]))
            {
                i++;
            }

            var word = query[wordStart..i];
            if (EqualsIgnoreCase(word, "VALUES"u8) || EqualsIgnoreCase(word, "SELECT"u8) || EqualsIgnoreCase(word, "WITH"u8) || EqualsIgnoreCase(word, "FROM"u8))
            {
                return false;
            }

            if (EqualsIgnoreCase(word, "FORMAT"u8))
            {
                break;
            }
        }

        i = SkipSpaceAndComments(query, i);
        var nameStart = i;
        while (i < query.Length && IsWordByte(query[i]))
        {
            i++;
        }

        if (i == nameStart || EqualsIgnoreCase(query[nameStart..i], "Values"u8))
        {
            return false;
        }

        var tailEnd = i;
        while (i < query.Length && query[i] is (byte)' ' or (byte)'\t' or (byte)'\f')
        {
            i++;
        }

        if (i < query.Length && query[i] == (byte)'\r')
        {
            i++;
        }

        if (i < query.Length && query[i] == (byte)'\n')
        {
            i++;
        }

        if (i >= query.Length)
        {
            return false;
        }

        insert = new ChDbInlineInsert(query[..headEnd], query[headEnd..tailEnd], query[i..]);
        return true;
    }

    /// <summary>The statement that reads <see cref="Data"/> from <paramref name="path"/> instead.</summary>
    public byte[] WithInfile(string path)
    {
        var infile = Encoding.UTF8.GetBytes(
            " FROM INFILE '" + path.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "' ");
        var statement = new byte[Head.Length + infile.Length + Tail.Length];
        Head.CopyTo(statement);
        infile.CopyTo(statement.AsSpan(Head.Length));
        Tail.CopyTo(statement.AsSpan(Head.Length + infile.Length));
        return statement;
    }

    private static bool IsWordByte(byte c) => c is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z' or >= (byte)'0' and <= (byte)'9' or (byte)'_' or (byte)'$' || c >= 0x80;

    private static bool EqualsIgnoreCase(ReadOnlySpan<byte> word, ReadOnlySpan<byte> keyword) =>
        Ascii.EqualsIgnoreCase(word, keyword);

    private static bool IsKeywordAt(ReadOnlySpan<byte> text, int i, ReadOnlySpan<byte> keyword) =>
        i + keyword.Length <= text.Length
        && EqualsIgnoreCase(text.Slice(i, keyword.Length), keyword)
        && (i + keyword.Length == text.Length || !IsWordByte(text[i + keyword.Length]));

    private static bool TryKeyword(ReadOnlySpan<byte> text, ref int i, ReadOnlySpan<byte> keyword)
    {
        var at = SkipSpaceAndComments(text, i);
        if (!IsKeywordAt(text, at, keyword))
        {
            return false;
        }

        i = at + keyword.Length;
        return true;
    }

    private static bool TrySkipName(ReadOnlySpan<byte> text, ref int i)
    {
        if (i >= text.Length)
        {
            return false;
        }

        if (text[i] is (byte)'`' or (byte)'"')
        {
            var end = SkipQuoted(text, i);
            if (end < 0)
            {
                return false;
            }

            i = end;
            return true;
        }

        var start = i;
        while (i < text.Length && IsWordByte(text[i]))
        {
            i++;
        }

        return i > start;
    }

    /// <summary>Index just past the quoted token starting at <paramref name="i"/>, or -1 if unterminated.</summary>
    private static int SkipQuoted(ReadOnlySpan<byte> text, int i)
    {
        var quote = text[i++];
        while (i < text.Length)
        {
            if (text[i] == (byte)'\\')
            {
                i += 2;
                continue;
            }

            if (text[i] == quote)
            {
                if (i + 1 < text.Length && text[i + 1] == quote)
                {
                    i += 2;
                    continue;
                }

                return i + 1;
            }

            i++;
        }

        return -1;
    }

    /// <summary>Index just past the parenthesized group starting at <paramref name="i"/>, or -1.</summary>
    private static int SkipParenthesized(ReadOnlySpan<byte> text, int i)
    {
        var depth = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c is (byte)'\'' or (byte)'"' or (byte)'`')
            {
                i = SkipQuoted(text, i);
                if (i < 0)
                {
                    return -1;
                }

                continue;
            }

            if (c == (byte)'(')
            {
                depth++;
            }
            else if (c == (byte)')' && --depth == 0)
            {
                return i + 1;
            }

            i++;
        }

        return -1;
    }

    private static int SkipSpaceAndComments(ReadOnlySpan<byte> text, int i)
    {
        while (i < text.Length)
        {
            var c = text[i];
            if (c is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or (byte)'\f' or (byte)'\v')
            {
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
                break;
            }
        }

        return i;
    }
}
