using System.ComponentModel.DataAnnotations;

namespace GovPulse.Grains;

/// <summary>
/// Section <c>GovPulse:City</c>: how the city grain keeps its units' figures (docs/architecture.md,
/// "City figures").
/// </summary>
public sealed class CityOptions
{
    public const string Section = "GovPulse:City";

    /// <summary>
    /// How often the city asks every unit for its current report, besides on activation: a report
    /// lost on the way (a one-way message, a node dying) is healed within this interval.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan ReconcileInterval { get; set; } = TimeSpan.FromMinutes(1);
}
