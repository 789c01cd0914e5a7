using System.ComponentModel.DataAnnotations;

namespace GovPulse.Notifications.Summaries;

/// <summary>Settings of the summaries (<c>GovPulse:Summaries</c>).</summary>
public sealed class SummariesOptions
{
    public const string Section = "GovPulse:Summaries";

    /// <summary>Off: no hourly, daily or digest notices and no morning list (alerts and tests still go out).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The local (Vietnam) hour whose publication sends the daily summary and the department heads'
    /// morning list; a whole hour, since it rides on that hour's publication.
    /// </summary>
    public TimeOnly MorningAt { get; set; } = new(7, 0);

    /// <summary>How many items a notice names (band changes, held notices, dossiers) before "and N more".</summary>
    [Range(1, 10)]
    public int Listed { get; set; } = 3;
}
