using GovPulse.Indicators.Scoring;
using Microsoft.Extensions.Logging;

namespace GovPulse.Grains;

/// <summary>
/// The silo's publisher: sends live figures through the live feed grain to the viewers of every node,
/// then to the node's <see cref="IFiguresListener"/>s (alerts, notifications).
/// </summary>
public sealed partial class FeedScorecardPublisher(
    IGrainFactory grains,
    IEnumerable<IFiguresListener> listeners,
    ILogger<FeedScorecardPublisher> logger) : IScorecardPublisher
{
    private readonly IFiguresListener[] _listeners = listeners.ToArray();

    private readonly ILiveFeedGrain _feed = grains.GetGrain<ILiveFeedGrain>(LiveFeed.Key); // made once: GetGrain reflects on every call

    public async Task PublishAsync(Scorecard scorecard)
    {
        await _feed.Publish(scorecard);
        foreach (var listener in _listeners)
        {
            await Tell(listener, l => l.OnScorecardAsync(scorecard), scorecard.UnitCode);
        }
    }

    public async Task PublishHourlyAsync(HourlySummary summary)
    {
        await _feed.PublishHourly(summary);
        foreach (var listener in _listeners)
        {
            await Tell(listener, l => l.OnHourlyAsync(summary), summary.Hour.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    private async Task Tell(IFiguresListener listener, Func<IFiguresListener, Task> call, string what)
    {
        try
        {
            await call(listener);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Viewers already have the figures; a listener's failure is its own (it logs and heals itself).
            LogListenerFailed(ex, listener.GetType().Name, what);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listener {Listener} failed on {What}")]
    private partial void LogListenerFailed(Exception exception, string listener, string what);
}
