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
}
