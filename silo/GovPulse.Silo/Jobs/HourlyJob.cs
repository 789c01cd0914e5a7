using GovPulse.Grains;
using GovPulse.Grains.Hourly;
using Microsoft.Extensions.Options;
using Quartz;

namespace GovPulse.Silo.Jobs;

/// <summary>
/// Fires at the top of every hour on every node and runs the <see cref="HourlyRound"/>: missed
/// hours, then the hour it was scheduled for, retried within the hour on failure
/// (<c>GovPulse:Hourly:RetryDelay</c>, <c>RetryMaxDelay</c>). The hour grains make the cluster
/// publish each hour once, so nodes need no coordination of their own.
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class HourlyJob(HourlyRound round, IOptions<HourlyOptions> options, ILogger<HourlyJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);

        // The hour the firing was meant for, even when it runs late (a busy or paused scheduler).
        var due = context.ScheduledFireTimeUtc ?? context.FireTimeUtc;
        var hour = PublicationHour.Key(due);
        try
        {
            var publications = await round.RunAsync(due, options.Value.CatchUpHours, options.Value.Retry, cancellationToken);
            LogRound(hour, publications.Count(p => p.Outcome == HourlyOutcome.Published), publications.Count);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Retried until the hour was over (the round logged each attempt); another node's job may
            // still publish it, and if none does, the next round fills it (late, with its own figures).
            LogFailed(ex, hour);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Hourly round for {Hour}: {Published} of {Hours} hours published by this node")]
    private partial void LogRound(string hour, int published, int hours);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Hourly round for {Hour} failed on this node; retries are over for this hour")]
    private partial void LogFailed(Exception exception, string hour);
}
