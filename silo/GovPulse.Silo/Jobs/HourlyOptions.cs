using System.ComponentModel.DataAnnotations;
using GovPulse.Grains.Hourly;

namespace GovPulse.Silo.Jobs;

/// <summary>Section <c>GovPulse:Hourly</c>: the hourly publication job of this node.</summary>
public sealed class HourlyOptions
{
    public const string Section = "GovPulse:Hourly";

    /// <summary>The top of every hour (Quartz cron: seconds, minutes, hours, day of month, month, day of week).</summary>
    public const string EveryHour = "0 0 * * * ?";

    /// <summary>Run the hourly job on this node. Every node may run it; each hour is published once.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>When the job fires, as a Quartz cron expression read in Asia/Ho_Chi_Minh time.</summary>
    [Required]
    public string Cron { get; set; } = EveryHour;

    /// <summary>How many hours back a run fills hours missed while the cluster was down (0: none).</summary>
    [Range(0, 24 * 31)]
    public int CatchUpHours { get; set; } = HourlyRound.DefaultCatchUpHours;

    /// <summary>The wait before the first retry of an hour whose publication failed; each next wait doubles.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:30:00")]
    public TimeSpan RetryDelay { get; set; } = HourlyRetry.Default.FirstDelay;

    /// <summary>The longest wait between retries. Retries stop when a wait would end after the hour.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:30:00")]
    public TimeSpan RetryMaxDelay { get; set; } = HourlyRetry.Default.MaxDelay;

    public HourlyRetry Retry => new(RetryDelay, RetryMaxDelay < RetryDelay ? RetryDelay : RetryMaxDelay);
}
