using GovPulse.Indicators.Scoring;
using Orleans.Concurrency;

namespace GovPulse.Grains;

/// <summary>A node's receiver of live figures: it hands them to the viewers connected to that node.</summary>
[Alias("govpulse.live-feed-observer")]
public interface ILiveFeedObserver : IGrainObserver
{
    [Alias("scorecard"), OneWay]
    Task OnScorecard(Scorecard scorecard);

    [Alias("hourly"), OneWay]
    Task OnHourly(HourlySummary summary);
}
