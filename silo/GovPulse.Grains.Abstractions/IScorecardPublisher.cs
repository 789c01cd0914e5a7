using GovPulse.Indicators.Scoring;

namespace GovPulse.Grains;

/// <summary>
/// Where grains send live figures for viewers: a unit's changed scorecard (at most once per
/// second per unit) and the hourly summary. The node's implementation reaches the viewers of
/// every node, not only its own.
/// </summary>
public interface IScorecardPublisher
{
    Task PublishAsync(Scorecard scorecard);

    Task PublishHourlyAsync(HourlySummary summary);
}
