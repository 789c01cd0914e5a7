using GovPulse.Dashboard.Apis;
using GovPulse.Grains;
using GovPulse.Indicators.Periods;
using GovPulse.Indicators.Units;
using Microsoft.AspNetCore.SignalR;

namespace GovPulse.Dashboard.Hubs;

/// <summary>
/// <c>/hubs/indicators</c>: clients <c>Subscribe(unitCode)</c> and receive <c>scorecard</c> whenever
/// that unit's current-month figures change (at most once a second per unit). A new subscriber
/// gets the current scorecard at once, so a page never starts blank. Callers who read the rankings
/// also receive <c>hourly</c> (<see cref="HubLiveFeedObserver"/>). Who may connect, which groups a
/// connection joins, which <c>unitCode</c> each caller may subscribe to, and the closing of a connection
/// whose key or session has ended, are decided outside this class: the endpoint's policy and a hub
/// filter (GovPulse.Security, <c>UnitAccessHubFilter</c>) that runs before every method here.
/// </summary>
public sealed class IndicatorsHub(UnitDirectory units, IGrainFactory grains, ScoringClock clock) : Hub
{
    public const string Path = "/hubs/indicators";
    public const string ScorecardMessage = "scorecard";
    public const string HourlyMessage = "hourly";

    public static string GroupOf(string unitCode) => "unit:" + unitCode;

    public async Task Subscribe(string unitCode)
    {
        if (!units.Contains(unitCode))
        {
            throw new HubException($"unit '{unitCode}' is not a known unit");
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, GroupOf(unitCode));
        var scorecard = await LiveScorecards.GetAsync(grains, units, unitCode, Period.MonthOf(clock.Now));
        await Clients.Caller.SendAsync(ScorecardMessage, scorecard);
    }

    public Task Unsubscribe(string unitCode) => Groups.RemoveFromGroupAsync(Context.ConnectionId, GroupOf(unitCode));
}
