using System.ComponentModel.DataAnnotations;

namespace GovPulse.Grains;

/// <summary>
/// Section <c>GovPulse:Scoring</c>: GovPulse's documented choices where the national rules are
/// silent (docs/indicators.md), changeable without code.
/// </summary>
public sealed class ScoringOptions
{
    public const string Section = "GovPulse:Scoring";

    /// <summary>Band thresholds: ≥ Excellent Xuất sắc, ≥ Good Tốt, ≥ Fair Khá, ≥ Average Trung bình, below Yếu.</summary>
    [Range(0, 100)]
    public decimal Excellent { get; set; } = 90;

    [Range(0, 100)]
    public decimal Good { get; set; } = 80;

    [Range(0, 100)]
    public decimal Fair { get; set; } = 70;

    [Range(0, 100)]
    public decimal Average { get; set; } = 50;

    /// <summary>Extra calendar days in the holiday CSV shape (date,name,is_day_off,kind,confirmed), e.g. a newly announced day off.</summary>
    public string? CalendarFile { get; set; }

    /// <summary>The city's procedure catalogue (CSV or JSON, see docs/indicators.md); the built-in reference list when unset.</summary>
    public string? CatalogFile { get; set; }
}
