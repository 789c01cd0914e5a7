using GovPulse.Storage.ClickHouse;
using Microsoft.Extensions.Logging;

namespace GovPulse.Grains.Hourly;

/// <summary>
/// What a node's hourly job does at the top of an hour: publish the hours missed while the cluster
/// was down (oldest first, each marked late by its grain), then the hour itself. Every node runs
/// the round; the hour grains make each hour happen once.
/// </summary>
/// <remarks>
/// A missed hour is one without a publication, inside the catch-up window, after the first hour
/// ever published (a new installation does not invent a past). Hours older than the window stay
/// missing: their figures could only be today's anyway.
/// </remarks>
public sealed partial class HourlyRound(IGrainFactory grains, IIndicatorHistoryStore history, ILogger<HourlyRound> logger)
{
    /// <summary>The default catch-up window, in hours before the current one.</summary>
    public const int DefaultCatchUpHours = 48;

    /// <summary>Publishes the missed hours of the last <paramref name="catchUpHours"/> hours, then the hour that contains <paramref name="instant"/>.</summary>
    public async Task<IReadOnlyList<HourlyPublication>> RunAsync(
        DateTimeOffset instant, int catchUpHours = DefaultCatchUpHours, CancellationToken cancellationToken = default)
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

        publications.Add(await grains.GetHourlyPublisher(current).Publish());
        return publications;
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Missed hour {Hour} could not be published; the next round tries again")]
    private partial void LogMissedHourFailed(Exception exception, string hour);
}
