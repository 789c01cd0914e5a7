using System.ComponentModel.DataAnnotations;

namespace GovPulse.Ingest.Security;

/// <summary>Section <c>GovPulse:Ingest</c>.</summary>
public sealed class IngestOptions
{
    public const string Section = "GovPulse:Ingest";

    /// <summary>An ingest key valid for every unit (first setup, tests). Never committed; set it through the environment.</summary>
    public string? BootstrapKey { get; set; }

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
}
