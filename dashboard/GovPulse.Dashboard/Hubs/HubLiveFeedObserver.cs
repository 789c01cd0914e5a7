using GovPulse.Grains;
using GovPulse.Indicators.Scoring;

namespace GovPulse.Dashboard.Hubs;

/// <summary>This node's observer on the live feed: what any grain publishes reaches this node's hub clients.</summary>
public sealed class HubLiveFeedObserver(HubScorecardPublisher hub) : ILiveFeedObserver
{
    public Task OnScorecard(Scorecard scorecard) => hub.PublishAsync(scorecard);

    public Task OnHourly(HourlySummary summary) => hub.PublishHourlyAsync(summary);
}
