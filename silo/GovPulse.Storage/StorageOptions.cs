using System.ComponentModel.DataAnnotations;

namespace GovPulse.Storage;

/// <summary>Section <c>GovPulse</c>: where a node keeps local state.</summary>
public sealed class StorageOptions
{
    public const string Section = "GovPulse";

    /// <summary>
    /// Embedded ClickHouse data and other local state (<c>GovPulse__DataDirectory</c>): the key ring key
    /// when none is configured, and the first-run secrets when output is redirected. Kept at mode 0700
    /// (<see cref="PrivateDirectory"/>).
    /// </summary>
    [Required]
    public string DataDirectory { get; set; } = "./data";
}
