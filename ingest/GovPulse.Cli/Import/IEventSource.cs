namespace GovPulse.Cli.Import;

/// <summary>An input file read record by record, from a point where an earlier import stopped.</summary>
public interface IEventSource
{
    /// <summary>Bytes in the file (for the progress bar).</summary>
    long Length { get; }

    /// <summary>About how far the reader has got, in bytes.</summary>
    long Position { get; }

    /// <summary>Records from line <paramref name="line"/> on; an NDJSON reader seeks to <paramref name="offset"/>, the byte where that line starts.</summary>
    IEnumerable<SourceRecord> Read(long line, long offset);
}
