using GovPulse.Grains;
using GovPulse.Indicators.Scoring;
using Microsoft.AspNetCore.SignalR;

namespace GovPulse.Dashboard.Hubs;

/// <summary>Sends a changed scorecard to the hub clients of this node subscribed to its unit.</summary>
public sealed class HubScorecardPublisher(IHubContext<IndicatorsHub> hub) : IScorecardPublisher
{
    public Task PublishAsync(Scorecard scorecard) =>
        hub.Clients.Group(IndicatorsHub.GroupOf(scorecard.UnitCode)).SendAsync(IndicatorsHub.ScorecardMessage, scorecard);

    /// <summary>Every connected client gets the hourly summary.</summary>
    public Task PublishHourlyAsync(HourlySummary summary) =>
        hub.Clients.All.SendAsync(IndicatorsHub.HourlyMessage, summary);
}
