using GovPulse.Grains;
using GovPulse.Indicators.Scoring;
using GovPulse.Security.Access;
using Microsoft.AspNetCore.SignalR;

namespace GovPulse.Dashboard.Hubs;

/// <summary>Sends a changed scorecard to the hub clients of this node subscribed to its unit.</summary>
public sealed class HubScorecardPublisher(IHubContext<IndicatorsHub> hub) : IScorecardPublisher
{
    public Task PublishAsync(Scorecard scorecard) =>
        hub.Clients.Group(IndicatorsHub.GroupOf(scorecard.UnitCode)).SendAsync(IndicatorsHub.ScorecardMessage, scorecard);

    /// <summary>
    /// The hourly summary ranks every unit, so it goes only to the connections whose callers read the
    /// rankings (<see cref="HubAudiences.CityWideFigures"/>), never to every connection.
    /// </summary>
    public Task PublishHourlyAsync(HourlySummary summary) =>
        hub.Clients.Group(HubAudiences.CityWideFigures).SendAsync(IndicatorsHub.HourlyMessage, summary);
}
