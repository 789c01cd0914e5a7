using System.Globalization;
using GovPulse.Ingest.Security;

namespace GovPulse.Ingest.Wire;

/// <summary>
/// The request is over a size limit (HTTP 413): the whole body is refused, not single lines. The
/// message says the limit, the setting that holds it, and how to send the data instead.
/// </summary>
public sealed class BatchTooLargeException(string message, long limit, string setting) : Exception(message)
{
    /// <summary>The limit that was exceeded (bytes or lines).</summary>
    public long Limit { get; } = limit;

    /// <summary>The configuration key holding the limit, e.g. <c>GovPulse:Ingest:MaxBodyBytes</c>.</summary>
    public string Setting { get; } = setting;

    public static BatchTooLargeException Body(long limit) => new(
        $"The body is larger than {Bytes(limit)}, the limit set by {Key(nameof(IngestOptions.MaxBodyBytes))}. "
        + "Split the batch into smaller ones and send them one after another.",
        limit,
        Key(nameof(IngestOptions.MaxBodyBytes)));

    public static BatchTooLargeException Lines(int limit) => new(
        $"The batch has more than {limit.ToString(CultureInfo.InvariantCulture)} events, the limit set by {Key(nameof(IngestOptions.MaxLinesPerBatch))}. "
        + $"Split it into batches of at most {limit.ToString(CultureInfo.InvariantCulture)} lines and send them one after another.",
        limit,
        Key(nameof(IngestOptions.MaxLinesPerBatch)));

    /// <param name="where">"line 3" (NDJSON) or "array element 3" (JSON array).</param>
    public static BatchTooLargeException Line(string where, int length, int limit) => new(
        $"{char.ToUpperInvariant(where[0])}{where[1..]} is {length.ToString(CultureInfo.InvariantCulture)} bytes long; at most {Bytes(limit)} per event are allowed, "
        + $"the limit set by {Key(nameof(IngestOptions.MaxLineBytes))}. "
        + "Send one event per line (an event is normally well under 1 KiB) and split the batch if it gets too large.",
        limit,
        Key(nameof(IngestOptions.MaxLineBytes)));

    private static string Key(string option) => $"{IngestOptions.Section}:{option}";

    private static string Bytes(long n) =>
        n % (1024 * 1024) == 0 ? $"{(n / (1024 * 1024)).ToString(CultureInfo.InvariantCulture)} MiB ({n.ToString(CultureInfo.InvariantCulture)} bytes)"
        : n % 1024 == 0 ? $"{(n / 1024).ToString(CultureInfo.InvariantCulture)} KiB ({n.ToString(CultureInfo.InvariantCulture)} bytes)"
        : $"{n.ToString(CultureInfo.InvariantCulture)} bytes";
}
