using System.ComponentModel.DataAnnotations;

namespace GovPulse.Grains;

/// <summary>Section <c>GovPulse:Units</c>: how long unit grains stay in memory without being asked anything.</summary>
public sealed class UnitOptions
{
    public const string Section = "GovPulse:Units";

    /// <summary>
    /// A unit grain no call has reached for this long deactivates (saving its segments if it changed) and
    /// reactivates from them on its next call. Orleans checks once per collection quantum (a minute).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "365.00:00:00")]
    public TimeSpan IdleAfter { get; set; } = TimeSpan.FromMinutes(30);
}
