using GovPulse.Indicators.Scoring;
using Orleans.Concurrency;

namespace GovPulse.Grains;

/// <summary>
/// Fans live figures out to every node (as the GPSTracker sample does): each node subscribes an
/// observer and renews it; unit and city grains publish here, wherever they live, and the viewers
/// of every node receive them. One activation, key 0.
/// </summary>
[Alias("govpulse.live-feed")]
public interface ILiveFeedGrain : IGrainWithIntegerKey
{
    /// <summary>Adds or renews a node's observer; an observer not renewed within <see cref="LiveFeed.ObserverLifetime"/> is dropped.</summary>
    [Alias("subscribe")]
    Task Subscribe(ILiveFeedObserver observer);

    [Alias("unsubscribe")]
    Task Unsubscribe(ILiveFeedObserver observer);

    [Alias("publish"), OneWay]
    Task Publish(Scorecard scorecard);

    [Alias("publish-hourly")]
    Task PublishHourly(HourlySummary summary);
}
