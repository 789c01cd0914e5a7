using System.Text.Json;

namespace GovPulse.Cli.Import;

/// <summary>
/// An NDJSON file, line by line with the byte offset of each, so a resumed import seeks straight
/// to where it stopped. Lines go to the node as they are (it checks them); blank lines are skipped
/// as the node skips them.
/// </summary>
public sealed class NdjsonSource(string path, string name) : IEventSource
{
    /// <summary>A line longer than this is not an event (the node takes 64 KiB at most): the file is probably not NDJSON.</summary>
    public const int LongestLine = 16 << 20;

    private long _position;

    public long Length { get; } = new FileInfo(path).Length;

    public long Position => Interlocked.Read(ref _position);

    public IEnumerable<SourceRecord> Read(long line, long offset)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        stream.Seek(offset, SeekOrigin.Begin);
        var buffer = new byte[1 << 16];
        var pending = new MemoryStream();
        var lineStart = offset;
        var position = offset;
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            var start = 0;
            while (start < read)
            {
                var newline = Array.IndexOf(buffer, (byte)'\n', start, read - start);
                var end = newline < 0 ? read : newline;
                pending.Write(buffer, start, end - start);
                position += end - start;
                if (pending.Length > LongestLine)
                {
                    throw new CliException($"line {line} of {name} is longer than {LongestLine >> 20} MiB: is {name} NDJSON (one event object per line)?");
                }

                if (newline < 0)
                {
                    break;
                }

                position++;
                start = newline + 1;
                var record = Record(pending, line, lineStart, position);
                Interlocked.Exchange(ref _position, position);
                line++;
                lineStart = position;
                pending.SetLength(0);
                if (record is not null)
                {
                    yield return record;
                }
            }
        }

        if (pending.Length > 0 && Record(pending, line, lineStart, position) is { } last)
        {
            Interlocked.Exchange(ref _position, position);
            yield return last;
        }
    }

    private static SourceRecord? Record(MemoryStream pending, long line, long lineStart, long end)
    {
        var bytes = pending.GetBuffer().AsSpan(0, (int)pending.Length);
        if (lineStart == 0 && bytes.StartsWith("\uFEFF"u8))
        {
            bytes = bytes[3..];
        }

        bytes = bytes.TrimEnd("\r"u8);
        if (bytes.Trim(" \t"u8).IsEmpty)
        {
            return null;
        }

        return new SourceRecord(line, line + 1, end, bytes.ToArray(), EventIdOf(bytes));
    }

    /// <summary>The line's eventId when it is a JSON object that has one (for local rejections); the node reads it properly.</summary>
    private static string? EventIdOf(ReadOnlySpan<byte> json)
    {
        try
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isId = reader.ValueTextEquals("eventId"u8);
                if (!reader.Read())
                {
                    return null;
                }

                if (isId)
                {
                    return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                }

                reader.Skip();
            }
        }
        catch (JsonException)
        {
            // not valid JSON: the node says so with the line
        }

        return null;
    }
}
