using System.Collections.Frozen;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace GovPulse.Storage.ChDb;

/// <summary>
/// What the embedded engine's HTTP endpoint runs: one statement per request, of the kinds a
/// database client needs, and nothing that reaches the host (files, the network, other servers,
/// programs, the server's own controls).
/// </summary>
/// <remarks>
/// <para>
/// The engine's grants already refuse the host-reaching table functions and engines
/// (<see cref="ChDbEngineConfiguration"/>); these rules are the second wall, and the only one for
/// what no grant covers: chDB runs <c>;</c>-separated statements in one call, and
/// <c>INTO OUTFILE</c> / <c>FROM INFILE</c> are handled by its client side.
/// </para>
/// <para>
/// The text is read with ClickHouse's own lexical rules (quotes with backslash and doubled-quote
/// escapes, <c>--</c> and <c>#</c> comments to the end of the line, nested <c>/* */</c> comments),
/// so that a <c>;</c> or a name hidden from these rules is hidden from the engine too. A <c>$</c>
/// outside quotes and comments is refused, since ClickHouse would start a heredoc string there.
/// Only the statement is read, never an INSERT's data: the engine takes inline data from a file
/// (<see cref="ChDbInlineInsert"/>), so nothing in it is ever parsed as SQL.
/// </para>
/// </remarks>
internal static class ClickHouseStatementRules
{
    private static readonly FrozenSet<string> Allowed = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "SELECT", "WITH", "INSERT", "CREATE", "ALTER", "DROP", "TRUNCATE", "RENAME", "EXCHANGE", "OPTIMIZE",
        "SHOW", "DESCRIBE", "DESC", "EXISTS", "EXPLAIN", "DELETE", "UPDATE", "CHECK", "UNDROP");

    /// <summary>Statements ClickHouse knows that this endpoint does not run (session state, server controls, host files, access).</summary>
    private static readonly FrozenSet<string> Refused = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "SET", "USE", "SYSTEM", "KILL", "ATTACH", "DETACH", "BACKUP", "RESTORE", "GRANT", "REVOKE", "MOVE", "WATCH",
        "BEGIN", "COMMIT", "ROLLBACK", "EXIT", "QUIT", "PARALLEL");

    private static readonly FrozenSet<string> Reads = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase, "SELECT", "WITH", "SHOW", "DESCRIBE", "DESC", "EXISTS", "EXPLAIN");

    /// <summary>Table functions, table/database engines and dictionary sources that reach outside the data directory.</summary>
    private static readonly FrozenSet<string> HostReaching = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "file", "fileCluster", "FileLog", "Filesystem", "url", "urlCluster", "http", "remote", "remoteSecure", "cluster",
        "clusterAllReplicas", "Distributed", "clickhouse", "executable", "executablePool", "library", "gcs", "oss", "cosn",
        "hive", "mysql", "MaterializedMySQL", "postgresql", "MaterializedPostgreSQL", "jdbc", "odbc", "sqlite", "redis",
        "cassandra", "ytsaurus", "python", "kafka", "RabbitMQ", "NATS", "ObjectStorageQueue", "disk", "Backup");

    private static readonly string[] HostReachingPrefixes =
        ["s3", "hdfs", "azure", "iceberg", "deltaLake", "hudi", "paimon", "mongo", "arrowFlight", "dataLake"];

    /// <summary>
    /// Checks <paramref name="statement"/> (the request's whole text, an INSERT's data included);
    /// null when it may run. <paramref name="readOnly"/>: a GET/HEAD request or the <c>readonly</c> setting.
    /// </summary>
    public static ClickHouseRefusal? Check(ReadOnlySpan<byte> statement, bool readOnly)
    {
        var split = ChDbInlineInsert.TryParse(statement, out var insert);
        var sql = split ? statement[..(insert.Head.Length + insert.Tail.Length)] : statement;
        if (!split && ChDbStatement.IsInsert(statement) && HasBlankLine(statement))
        {
            // chDB would end the INSERT's inline data at the blank line and run what follows as a statement.
            return Refuse(62, "SYNTAX_ERROR", "Multi-statements are not allowed (an INSERT whose data cannot be told from the statement may not hold a blank line)", StatusCodes.Status400BadRequest);
        }

        string? first = null;
        string? previousWord = null;
        string? beforePreviousWord = null;
        var previousWasName = false;
        string? previousName = null;
        var afterSemicolon = false;
        var i = 0;
        while (i < sql.Length)
        {
            var c = sql[i];
            if (c is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or (byte)'\f' or (byte)'\v' || c >= 0x80)
            {
                i++;
                continue;
            }

            if ((c == (byte)'-' && At(sql, i + 1, (byte)'-')) || c == (byte)'#')
            {
                var newline = sql[i..].IndexOf((byte)'\n');
                i = newline < 0 ? sql.Length : i + newline + 1;
                continue;
            }

            if (c == (byte)'/' && At(sql, i + 1, (byte)'*'))
            {
                i = SkipComment(sql, i);
                continue;
            }

            if (afterSemicolon)
            {
                return Refuse(62, "SYNTAX_ERROR", "Multi-statements are not allowed", StatusCodes.Status400BadRequest);
            }

            if (c == (byte)'$')
            {
                return Refuse(62, "SYNTAX_ERROR", "'$' outside quotes is not accepted by this endpoint (ClickHouse would read a heredoc string there); quote the text instead", StatusCodes.Status400BadRequest);
            }

            if (c is (byte)'\'' or (byte)'"' or (byte)'`')
            {
                var end = SkipQuoted(sql, i);
                if (c == (byte)'\'')
                {
                    if (previousWord is not null && (Is(previousWord, "FROM") || Is(previousWord, "JOIN")))
                    {
                        return Denied("A file path as a table is not allowed on this endpoint");
                    }

                    previousWasName = false;
                    previousWord = null;
                }
                else
                {
                    previousName = end > i + 1 ? Encoding.UTF8.GetString(sql[(i + 1)..Math.Max(i + 1, end - 1)]) : string.Empty;
                    previousWasName = true;
                    beforePreviousWord = previousWord;
                    previousWord = null;
                }

                i = end;
                continue;
            }

            if (IsWordByte(c))
            {
                var start = i;
                while (i < sql.Length && IsWordByte(sql[i]))
                {
                    i++;
                }

                if (i < sql.Length && sql[i] == (byte)'$')
                {
                    continue; // refused on the next round
                }

                var word = Encoding.ASCII.GetString(sql[start..i]);
                first ??= word;
                if (Is(word, "INFILE") || Is(word, "OUTFILE"))
                {
                    return Denied($"{word.ToUpperInvariant()} is not allowed on this endpoint (it reads or writes the host's files)");
                }

                if (previousWord is not null && Is(previousWord, "=") && beforePreviousWord is not null && Is(beforePreviousWord, "ENGINE") && IsHostReaching(word))
                {
                    return Denied($"The engine {word} is not allowed on this endpoint (it reaches outside the database)");
                }

                beforePreviousWord = previousWord;
                previousWord = word;
                previousName = word;
                previousWasName = true;
                continue;
            }

            if (c == (byte)'(' && previousWasName && previousName is not null && IsHostReaching(previousName))
            {
                return Denied($"{previousName} is not allowed on this endpoint (it reaches outside the database)");
            }

            if (c == (byte)';')
            {
                afterSemicolon = true;
            }

            beforePreviousWord = c == (byte)'=' ? previousWord : null;
            previousWord = c == (byte)'=' ? "=" : null;
            previousWasName = false;
            previousName = null;
            i++;
        }

        if (first is null)
        {
            return Refuse(62, "SYNTAX_ERROR", "Empty query", StatusCodes.Status400BadRequest);
        }

        if (Refused.Contains(first))
        {
            return Denied($"{first.ToUpperInvariant()} statements are not allowed on this endpoint");
        }

        if (!Allowed.Contains(first))
        {
            return Refuse(62, "SYNTAX_ERROR", $"Syntax error: failed at '{(first.Length > 40 ? first[..40] : first)}': not a statement this endpoint runs", StatusCodes.Status400BadRequest);
        }

        return readOnly && !Reads.Contains(first)
            ? Refuse(164, "READONLY", "Cannot execute query in readonly mode. For queries over HTTP, method GET implies readonly. You should use method POST for modifying queries", StatusCodes.Status403Forbidden)
            : null;
    }

    /// <summary>True when the statement (per its first word) only reads.</summary>
    public static bool IsRead(ReadOnlySpan<byte> statement) => ChDbStatement.IsRead(statement);

    private static ClickHouseRefusal Denied(string message) =>
        Refuse(497, "ACCESS_DENIED", message, StatusCodes.Status403Forbidden);

    private static ClickHouseRefusal Refuse(int code, string name, string message, int status) => new(code, name, message, status);

    private static bool IsHostReaching(string name)
    {
        if (HostReaching.Contains(name))
        {
            return true;
        }

        foreach (var prefix in HostReachingPrefixes)
        {
            if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasBlankLine(ReadOnlySpan<byte> text)
    {
        var newline = text.IndexOf((byte)'\n');
        while (newline >= 0)
        {
            var rest = text[(newline + 1)..];
            var next = rest.IndexOf((byte)'\n');
            if (next >= 0 && rest[..next].Trim(" \t\r\f\v"u8).IsEmpty)
            {
                return true;
            }

            text = rest;
            newline = next;
        }

        return false;
    }

    private static bool Is(string word, string keyword) => string.Equals(word, keyword, StringComparison.OrdinalIgnoreCase);

    private static bool At(ReadOnlySpan<byte> text, int i, byte c) => i < text.Length && text[i] == c;

    private static bool IsWordByte(byte c) => c is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z' or >= (byte)'0' and <= (byte)'9' or (byte)'_';

    /// <summary>Past a <c>/* */</c> comment starting at <paramref name="i"/>, nested ones included (as ClickHouse's lexer reads them); the end when unterminated.</summary>
    private static int SkipComment(ReadOnlySpan<byte> text, int i)
    {
        i += 2;
        var depth = 1;
        while (i + 2 <= text.Length)
        {
            if (text[i] == (byte)'/' && text[i + 1] == (byte)'*')
            {
                i += 2;
                depth++;
            }
            else if (text[i] == (byte)'*' && text[i + 1] == (byte)'/')
            {
                i += 2;
                if (--depth == 0)
                {
                    return i;
                }
            }
            else
            {
                i++;
            }
        }

        return text.Length;
    }

    /// <summary>Past the quoted token starting at <paramref name="i"/> (backslash escapes, doubled quotes); the end when unterminated.</summary>
    private static int SkipQuoted(ReadOnlySpan<byte> text, int i)
    {
        var quote = text[i++];
        while (i < text.Length)
        {
            var c = text[i];
            if (c == (byte)'\\')
            {
                i += 2;
            }
            else if (c == quote)
            {
                if (i + 1 < text.Length && text[i + 1] == quote)
                {
                    i += 2;
                }
                else
                {
                    return i + 1;
                }
            }
            else
            {
                i++;
            }
        }

        return text.Length;
    }
}
