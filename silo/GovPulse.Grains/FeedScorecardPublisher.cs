using GovPulse.Indicators.Scoring;

namespace GovPulse.Grains;

/// <summary>The silo's publisher: sends live figures through the live feed grain to the viewers of every node.</summary>
public sealed class FeedScorecardPublisher(IGrainFactory grains) : IScorecardPublisher
{
    private ILiveFeedGrain Feed => grains.GetGrain<ILiveFeedGrain>(LiveFeed.Key);

    public Task PublishAsync(Scorecard scorecard) => Feed.Publish(scorecard);

    public Task PublishHourlyAsync(HourlySummary summary) => Feed.PublishHourly(summary);
}
