using GovPulse.Storage.ClickHouse;
using Microsoft.Extensions.Logging;

namespace GovPulse.Grains.Hourly;

/// <summary>
/// What a node's hourly job does at the top of an hour: publish the hours missed while the cluster
/// was down (oldest first, each marked late by its grain), then the hour itself, retried with
/// growing waits (<see cref="HourlyRetry"/>) until it is stored or the hour is over. Every node runs
/// the round; the hour grains make each hour happen once.
/// </summary>
/// <remarks>
/// A missed hour is one without a publication, inside the catch-up window, after the first hour
/// ever published (a new installation does not invent a past). Hours older than the window stay
/// missing: their figures could only be today's anyway.
/// </remarks>
/// <param name="clock">Says when the hour is over (the clock the hour grains judge hours by).</param>
/// <param name="time">Paces the waits between attempts.</param>
public sealed partial class HourlyRound(
    IGrainFactory grains,
    IIndicatorHistoryStore history,
    ScoringClock clock,
    TimeProvider time,
    GovPulseMetrics metrics,
    ILogger<HourlyRound> logger)
{
    /// <summary>The default catch-up window, in hours before the current one.</summary>
    public const int DefaultCatchUpHours = 48;

    /// <summary>Publishes the missed hours of the last <paramref name="catchUpHours"/> hours, then the hour that contains <paramref name="instant"/>.</summary>
    public async Task<IReadOnlyList<HourlyPublication>> RunAsync(
        DateTimeOffset instant, int catchUpHours = DefaultCatchUpHours, HourlyRetry? retry = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(catchUpHours);
        var current = PublicationHour.StartOf(instant);
        var publications = new List<HourlyPublication>();
        foreach (var missed in await MissedHoursAsync(current, catchUpHours, cancellationToken))
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                publications.Add(await grains.GetHourlyPublisher(missed).Publish());
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Still missing, so the next round tries it again while it is inside the window.
                LogMissedHourFailed(ex, PublicationHour.Key(missed));
            }
        }

        publications.Add(await PublishAsync(current, retry ?? HourlyRetry.Default, cancellationToken));
        return publications;
    }

    /// <summary>
    /// Asks the hour's grain to publish <paramref name="hour"/>; after a failure, waits and asks again
    /// (the next call may reach a new activation, on another node) while a wait still ends inside the
    /// hour. Rethrows the last failure when the hour is over.
    /// </summary>
    public async Task<HourlyPublication> PublishAsync(DateTimeOffset hour, HourlyRetry retry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(retry);
        var key = PublicationHour.Key(hour);
        var delay = retry.FirstDelay;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var publication = await grains.GetHourlyPublisher(hour).Publish();
                if (attempt > 1)
                {
                    LogRecovered(key, attempt);
                }

                return publication;
            }
            catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
            {
                // An hour that has not begun is refused until it begins: nothing to retry.
                var now = clock.Now;
                var retried = hour <= now + HourlyPublishing.ClockTolerance && now + delay < hour.AddHours(1);
                metrics.PublicationFailures.Add(1, new KeyValuePair<string, object?>("retried", retried));
                if (!retried)
                {
                    LogGaveUp(ex, key, attempt);
                    throw;
                }

                LogRetrying(ex, key, attempt, delay);
            }

            await Task.Delay(delay, time, cancellationToken);
            delay = retry.After(delay);
        }
    }

    /// <summary>Hours in the window before <paramref name="current"/> that have no publication, oldest first.</summary>
    public async Task<IReadOnlyList<DateTimeOffset>> MissedHoursAsync(DateTimeOffset current, int catchUpHours, CancellationToken cancellationToken = default)
    {
        if (catchUpHours == 0)
        {
            return [];
        }

        var windowStart = current.AddHours(-catchUpHours);
        var published = await history.PublishedHoursAsync(windowStart, current, cancellationToken);
        var publishedBefore = await history.LastPublishedHourAsync(before: windowStart, cancellationToken: cancellationToken) is not null;
        var missed = new List<DateTimeOffset>();
        for (var hour = windowStart; hour < current; hour = hour.AddHours(1))
        {
            if (published.Contains(hour))
            {
                publishedBefore = true;
            }
            else if (publishedBefore)
            {
                missed.Add(hour);
            }
        }

        return missed;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Hour {Hour}: attempt {Attempt} to publish failed; trying again in {Delay}")]
    private partial void LogRetrying(Exception exception, string hour, int attempt, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Information, Message = "Hour {Hour} published on attempt {Attempt}")]
    private partial void LogRecovered(string hour, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Hour {Hour} could not be published within the hour ({Attempt} attempts); the next round fills it, marked late")]
    private partial void LogGaveUp(Exception exception, string hour, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Missed hour {Hour} could not be published; the next round tries again")]
    private partial void LogMissedHourFailed(Exception exception, string hour);
}
