using GovPulse.Grains;
using GovPulse.Indicators.Scoring;
using GovPulse.Security.Access;
using Microsoft.AspNetCore.SignalR;

namespace GovPulse.Dashboard.Hubs;

/// <summary>
/// This node's observer on the live feed, and the hub's publisher itself (as the Orleans GPSTracker
/// sample's hub observer is): what any grain publishes reaches this node's hub clients in one hop.
/// </summary>
public sealed class HubLiveFeedObserver(IHubContext<IndicatorsHub> hub) : ILiveFeedObserver
{
    /// <summary>A changed scorecard goes to the connections of this node subscribed to its unit.</summary>
    public Task OnScorecard(Scorecard scorecard)
    {
        ArgumentNullException.ThrowIfNull(scorecard);
        return hub.Clients.Group(IndicatorsHub.GroupOf(scorecard.UnitCode)).SendAsync(IndicatorsHub.ScorecardMessage, scorecard);
    }

    /// <summary>
    /// The hourly summary ranks every unit, so it goes only to the connections whose callers read the
    /// rankings (<see cref="HubAudiences.CityWideFigures"/>), never to every connection.
    /// </summary>
    public Task OnHourly(HourlySummary summary) =>
        hub.Clients.Group(HubAudiences.CityWideFigures).SendAsync(IndicatorsHub.HourlyMessage, summary);
}
