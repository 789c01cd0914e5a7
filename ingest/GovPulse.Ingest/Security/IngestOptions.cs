using System.ComponentModel.DataAnnotations;

namespace GovPulse.Ingest.Security;

/// <summary>Section <c>GovPulse:Ingest</c>: the ingest pipeline's limits (the keys' settings in the same section are <c>ApiKeyOptions</c>).</summary>
public sealed class IngestOptions
{
    public const string Section = "GovPulse:Ingest";

    /// <summary>Largest accepted request body; larger gets 413.</summary>
    [Range(1024, 512L * 1024 * 1024)]
    public long MaxBodyBytes { get; set; } = 32L * 1024 * 1024;

    /// <summary>
    /// Longest accepted NDJSON line (or JSON-array element), in bytes; a longer one gets 413 for the
    /// whole body. An event of the contract is well under 1 KiB, so a huge line is a sender that
    /// forgot the newlines, not an event.
    /// </summary>
    [Range(1024, 64 * 1024 * 1024)]
    public int MaxLineBytes { get; set; } = 64 * 1024;

    /// <summary>Most events (non-blank lines, or array elements) in one request; more gets 413.</summary>
    [Range(1, 10_000_000)]
    public int MaxLinesPerBatch { get; set; } = 50_000;

    /// <summary>
    /// How far after this node's clock an <c>occurredAt</c> may be before the line is rejected:
    /// source systems' clocks drift a little, but an event from the future is a wrong clock or a
    /// wrong time zone, and would count towards a period that has not happened yet.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00")]
    public TimeSpan FutureTolerance { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Most ingest requests this node reads, stores and applies at once; one more waits at most
    /// <see cref="AdmissionWait"/> for a place, then gets 503 with <c>Retry-After</c>. Bounds the
    /// memory held by bodies (each up to <see cref="MaxBodyBytes"/>) when ClickHouse or the grains fall behind.
    /// </summary>
    [Range(1, 1024)]
    public int MaxConcurrentBatches { get; set; } = 8;

    /// <summary>
    /// Most events this node holds between reading and applying, all batches together (the
    /// simulator's included); a batch that would go over gets 503 with <c>Retry-After</c>. A batch
    /// alone is always taken when nothing else is in flight, so a limit below
    /// <see cref="MaxLinesPerBatch"/> cannot lock a large batch out.
    /// </summary>
    [Range(1, 100_000_000)]
    public int MaxInFlightEvents { get; set; } = 200_000;

    /// <summary>How long a request may wait for a place among <see cref="MaxConcurrentBatches"/> before it gets 503 (0: refuse at once).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:30")]
    public TimeSpan AdmissionWait { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Longest a batch may take to be stored and applied; longer gets 503 with <c>Retry-After</c>
    /// (what was stored meanwhile counts as duplicates when the batch is sent again).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan BatchTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>What a 503 tells the client to wait before sending again (<c>Retry-After</c>, whole seconds, at least 1).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(2);
}
