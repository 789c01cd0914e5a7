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
    /// How often the city reconciles, besides on activation: it reads every unit's last log position
    /// (one query) and asks the units whose position differs from the report it keeps, so a report
    /// lost on the way (a one-way message, a node dying) is healed within this interval.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan ReconcileInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How many ended periods the city keeps its units' reports of (the least recently asked out
    /// first), so a ranking or scorecard of an ended month, quarter or year asked again calls no unit.
    /// </summary>
    [Range(1, 1000)]
    public int EndedPeriodsKept { get; set; } = 32;
}
