using GovPulse.Indicators.Scoring;
using Microsoft.Extensions.Logging;

namespace GovPulse.Grains;

/// <summary>Keeps the nodes' observers and forwards every live message to all of them.</summary>
public sealed partial class LiveFeedGrain(TimeProvider time, ILogger<LiveFeedGrain> logger) : Grain, ILiveFeedGrain
{
    private readonly Dictionary<ILiveFeedObserver, DateTimeOffset> _observers = [];

    public Task Subscribe(ILiveFeedObserver observer)
    {
        _observers[observer] = time.GetUtcNow();
        return Task.CompletedTask;
    }

    public Task Unsubscribe(ILiveFeedObserver observer)
    {
        _observers.Remove(observer);
        return Task.CompletedTask;
    }

    public Task Publish(Scorecard scorecard) => ForEachObserver(o => o.OnScorecard(scorecard));

    public Task PublishHourly(HourlySummary summary) => ForEachObserver(o => o.OnHourly(summary));

    private Task ForEachObserver(Func<ILiveFeedObserver, Task> send)
    {
        var now = time.GetUtcNow();
        foreach (var (observer, renewed) in _observers.ToList())
        {
            if (now - renewed > LiveFeed.ObserverLifetime)
            {
                _observers.Remove(observer);
                LogExpired();
                continue;
            }

            // One-way calls: a slow or vanished node never holds up the others.
            send(observer).Ignore();
        }

        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "A node's live-feed observer expired (node gone or not renewing)")]
    private partial void LogExpired();
}
