using System.ComponentModel.DataAnnotations;

namespace GovPulse.Notifications.Webhooks;

/// <summary>Section <c>GovPulse:Webhooks</c>: where webhooks may point, how long a receiver gets, and how long GovPulse keeps trying.</summary>
public sealed class WebhookOptions
{
    public const string Section = "GovPulse:Webhooks";

    /// <summary>Accept <c>http://</c> URLs on 127.0.0.1, ::1 or localhost (tests, a bridge on the same machine); otherwise only <c>https://</c>.</summary>
    public bool AllowLoopback { get; set; }

    /// <summary>The dashboard's public address (e.g. <c>https://govpulse.hochiminhcity.gov.vn</c>): a notice's <c>url</c> is made absolute with it; unset, it stays relative.</summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>How long one POST may take, connecting included, before it counts as failed.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The wait after the first failed attempt; it doubles after each further one.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The longest wait between two attempts.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Attempts before a message goes to the dead letters.</summary>
    [Range(1, 1_000)]
    public int MaxAttempts { get; set; } = 30;

    /// <summary>How long a message is tried (from when it was enqueued or replayed) before it goes to the dead letters.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "30.00:00:00")]
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How often each node wakes every webhook's delivery grain, so an outbox left by a stopped node is drained.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan WakeInterval { get; set; } = TimeSpan.FromMinutes(1);

    public RetrySchedule Retries => new(FirstRetryDelay, MaxRetryDelay, MaxAttempts, MaxAge);
}
