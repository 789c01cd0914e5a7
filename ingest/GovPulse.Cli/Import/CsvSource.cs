using CsvHelper;

namespace GovPulse.Cli.Import;

/// <summary>
/// A CSV file whose header names api-v1 fields (<see cref="CsvEventMapping"/>). The separator
/// (comma, semicolon, tab or bar) is detected, as is Excel's <c>sep=;</c> line; UTF-8 with or
/// without a byte order mark. A resumed import reads the file again from the top and skips the
/// records before the line where it stopped.
/// </summary>
public sealed class CsvSource(string path, string name, Action<string>? warn = null) : IEventSource
{
    private static readonly CsvReaderOptions Options = CsvReaderOptions.Default with
    {
        TrackLineNumbers = true,
        MalformedData = CsvMalformedDataHandling.Throw,
        FieldCountMismatch = CsvFieldCountHandling.Allow,
        SkipEmptyLines = true,
    };

    private long _position;

    public long Length { get; } = new FileInfo(path).Length;

    public long Position => Interlocked.Read(ref _position);

    public IEnumerable<SourceRecord> Read(long line, long offset)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        using var reader = CsvReader.Create(stream, Options, leaveOpen: false);
        var mapping = CsvEventMapping.FromHeader(Guard(() => reader.Headers.ToList()), name);
        if (mapping.IgnoredColumns.Count > 0 && line <= 2)
        {
            warn?.Invoke(mapping.IgnoredColumns.Count == 1
                ? $"{name}: column {mapping.IgnoredColumns[0]} is not an api-v1 event field and is not sent (check its spelling if it should be one)"
                : $"{name}: columns {string.Join(", ", mapping.IgnoredColumns)} are not api-v1 event fields and are not sent (check their spelling if one should be)");
        }

        while (Guard(reader.Read))
        {
            var start = reader.LineNumber;
            var next = start + 1 + System.MemoryExtensions.Count(reader.RawRecord, (byte)'\n');
            Interlocked.Exchange(ref _position, reader.ByteOffset);
            if (start < line)
            {
                continue;
            }

            var cells = new string[reader.FieldCount];
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = reader.GetString(i);
            }

            if (mapping.Map(cells, start, next, reader.ByteOffset) is { } record)
            {
                yield return record;
            }
        }

        Interlocked.Exchange(ref _position, Length);
    }

    private T Guard<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (CsvFormatException ex)
        {
            throw new CliException($"line {ex.LineNumber} of {name} is not valid CSV ({ex.Message}): fix the quoting of that row and run the import again; it goes on from where it stopped", ExitCodes.UsageOrConnection, ex);
        }
    }
}
