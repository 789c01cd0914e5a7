using System.ComponentModel.DataAnnotations;

namespace GovPulse.Storage.ClickHouse;

/// <summary>Section <c>GovPulse:ClickHouse</c>.</summary>
public sealed class ClickHouseOptions
{
    public const string Section = "GovPulse:ClickHouse";

    /// <summary>A ClickHouse server to use instead of the embedded engine (ClickHouse.Driver syntax).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The database GovPulse keeps its tables in; created on start.</summary>
    [Required]
    [RegularExpression("^[A-Za-z_][A-Za-z0-9_]*$", ErrorMessage = "GovPulse:ClickHouse:Database must be a plain identifier (letters, digits, underscore).")]
    public string Database { get; set; } = "govpulse";

    /// <summary>
    /// Embedded engine only: the password that lets other clients (another node, a tool) use this
    /// node's engine endpoint as user <c>default</c>. Unset (the default), only the node itself can:
    /// its own client signs in with a name and password made for each process.
    /// </summary>
    public string? EmbeddedPassword { get; set; }

    /// <summary>Embedded engine only: the most memory the engine uses, as a fraction of the machine's RAM (0.05 to 0.95).</summary>
    [Range(0.05, 0.95)]
    public double EmbeddedMemoryRatio { get; set; } = ChDb.ChDbEngineOptions.DefaultMemoryRatio;
}
