using GovPulse.Indicators.Scoring;
using Orleans.Concurrency;

namespace GovPulse.Notifications.Alerts;

/// <summary>
/// The alerts of one unit (keyed by its code): judges every rule that concerns the unit on each of
/// its changed scorecards (<see cref="AlertJudge"/>), stores each rule's state before it sends the
/// notice of a transition, and reads the states back when it activates, so a restart or a move to
/// another node neither repeats nor loses a notice.
/// </summary>
[Alias("govpulse.unit-alerts")]
public interface IUnitAlertsGrain : IGrainWithStringKey
{
    /// <summary>
    /// The unit's scorecard of the current month changed. One-way: the publisher does not wait. The
    /// latest scorecard wins when several arrive while one is being judged.
    /// </summary>
    [Alias("evaluate"), OneWay]
    Task Evaluate(Scorecard scorecard);
}
