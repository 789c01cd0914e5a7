using System.ComponentModel.DataAnnotations;

namespace GovPulse.Security.Keys;

/// <summary>
/// The API keys' settings. They live in section <c>GovPulse:Ingest</c> (beside the ingest limits),
/// where operators have always set them.
/// </summary>
public sealed class ApiKeyOptions
{
    public const string Section = "GovPulse:Ingest";

    /// <summary>An admin key valid for every unit (first setup, tests). Never committed; set it through the environment.</summary>
    public string? BootstrapKey { get; set; }

    /// <summary>
    /// Requests a minute for the bootstrap key, and for a new key whose request gives no rate. Per
    /// node: behind a load balancer over N nodes a key may make up to N times as many.
    /// </summary>
    [Range(1, ApiKeys.MaxRatePerMinute)]
    public int DefaultRatePerMinute { get; set; } = 6000;

    /// <summary>
    /// How often a node reloads the stored keys from ClickHouse: a key created or revoked on another
    /// node takes effect here within this time (on the node that made the change, at once).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan KeyRefreshInterval { get; set; } = TimeSpan.FromSeconds(5);
}
