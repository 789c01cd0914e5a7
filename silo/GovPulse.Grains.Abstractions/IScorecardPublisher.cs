using GovPulse.Indicators.Scoring;

namespace GovPulse.Grains;

/// <summary>
/// Where grains send a unit's changed scorecard for live viewers (the SignalR hub on a node).
/// Grains call it at most once per second per unit.
/// </summary>
public interface IScorecardPublisher
{
    Task PublishAsync(Scorecard scorecard);
}
