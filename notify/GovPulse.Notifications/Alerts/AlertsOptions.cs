using System.ComponentModel.DataAnnotations;

namespace GovPulse.Notifications.Alerts;

/// <summary>Settings of <c>GovPulse:Alerts</c>.</summary>
public sealed class AlertsOptions
{
    public const string Section = "GovPulse:Alerts";

    /// <summary>The most alert rules one person may have.</summary>
    [Range(1, 1000)]
    public int MaxRulesPerPerson { get; set; } = 50;
}
