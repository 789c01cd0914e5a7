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
}
