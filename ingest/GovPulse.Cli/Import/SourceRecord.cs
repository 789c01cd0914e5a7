namespace GovPulse.Cli.Import;

/// <summary>
/// One event of an input file: the NDJSON line to send, or why it cannot be sent (a CSV cell that
/// is not what its column needs).
/// </summary>
/// <param name="Line">Line of the file where the record starts (1-based): what rejects are reported by.</param>
/// <param name="NextLine">The line after the record (a quoted CSV cell can span lines).</param>
/// <param name="EndOffset">Byte offset just after the record, where a resumed NDJSON import seeks to.</param>
/// <param name="Json">The event as one line of UTF-8 JSON, without the newline; null when <paramref name="Error"/> is set.</param>
/// <param name="EventId">The event's id when the reader knows it (shown beside a local rejection).</param>
/// <param name="Error">A rejection found before sending, already worded "line N of FILE: …".</param>
public sealed record SourceRecord(long Line, long NextLine, long EndOffset, byte[]? Json, string? EventId = null, string? Error = null);
