using System.Globalization;

namespace GovPulse.Ingest.Pipeline;

/// <summary>
/// Why this node cannot take a batch now (HTTP 503 with <c>Retry-After</c>), in words a client's
/// operator can act on. Sending the same batch again after <see cref="RetryAfter"/> loses nothing:
/// what was stored meanwhile counts as duplicates.
/// </summary>
/// <param name="Reason"><c>batches</c>, <c>events</c>, <c>timeout</c> or <c>store</c> (the metric's tag).</param>
/// <param name="Setting">The setting whose limit was reached.</param>
/// <param name="RetryAfter">How long to wait before sending again, whole seconds.</param>
/// <param name="Detail">The problem body's <c>detail</c>.</param>
public sealed record IngestRefusal(string Reason, string Setting, TimeSpan RetryAfter, string Detail)
{
    /// <summary>The <c>Retry-After</c> header's value.</summary>
    public int RetryAfterSeconds => Math.Max(1, (int)Math.Ceiling(RetryAfter.TotalSeconds));

    internal static IngestRefusal TooManyBatches(int limit, TimeSpan retryAfter) => new(
        "batches",
        "GovPulse:Ingest:MaxConcurrentBatches",
        retryAfter,
        $"This node is already storing {(limit == 1 ? "1 batch" : $"{limit} batches")}, the limit set by GovPulse:Ingest:MaxConcurrentBatches. "
        + $"Nothing of this batch was read or stored; send it again after {Seconds(retryAfter)} (Retry-After).");

    internal static IngestRefusal TooManyEvents(int events, long inFlight, int limit, TimeSpan retryAfter) => new(
        "events",
        "GovPulse:Ingest:MaxInFlightEvents",
        retryAfter,
        $"This node holds {inFlight} events of other batches; the {events} of this one would go over {limit}, the limit set by GovPulse:Ingest:MaxInFlightEvents. "
        + $"Nothing of this batch was stored; send it again after {Seconds(retryAfter)} (Retry-After), or in smaller batches.");

    internal static IngestRefusal TimedOut(TimeSpan timeout, TimeSpan retryAfter) => new(
        "timeout",
        "GovPulse:Ingest:BatchTimeout",
        retryAfter,
        $"Storing and applying this batch took longer than {Seconds(timeout)}, the limit set by GovPulse:Ingest:BatchTimeout. "
        + $"Part of it may be stored; send the same batch again after {Seconds(retryAfter)} (Retry-After): what is already stored counts as duplicates.");

    internal static IngestRefusal NotStored(TimeSpan retryAfter) => new(
        "store",
        "GovPulse:ClickHouse",
        retryAfter,
        "Some units could not store or apply their events (the event log did not answer, or a unit is rebuilding after a failure). "
        + $"Part of the batch may be stored; send the same batch again after {Seconds(retryAfter)} (Retry-After): what is already stored counts as duplicates.");

    private static string Seconds(TimeSpan t) =>
        t == TimeSpan.FromSeconds(1) ? "1 second" : string.Create(CultureInfo.InvariantCulture, $"{t.TotalSeconds:0.###} seconds");
}
