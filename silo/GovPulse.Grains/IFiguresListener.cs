using GovPulse.Indicators.Scoring;

namespace GovPulse.Grains;

/// <summary>
/// Something on the node that acts on live figures besides the viewers: alerts judge every changed
/// scorecard, notifications follow each announced hour. Called by the node's
/// <see cref="FeedScorecardPublisher"/> after the viewers' feed, on the node where the figures were
/// made; a listener hands work to grains and returns quickly, and its failure never stops the viewers' feed.
/// </summary>
public interface IFiguresListener
{
    /// <summary>A unit's (or the city's) scorecard of the current month changed.</summary>
    Task OnScorecardAsync(Scorecard scorecard);

    /// <summary>An hour was published and announced, once in the cluster.</summary>
    Task OnHourlyAsync(HourlySummary summary);
}
