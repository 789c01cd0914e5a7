using GovPulse.Indicators.Periods;
using GovPulse.Indicators.Scoring;
using Orleans.Concurrency;

namespace GovPulse.Grains;

/// <summary>
/// The city (key <c>79</c>): pools its units' figures. Units report their current-month figures
/// when they change, so the city never re-reads every unit on a change; the city keeps the report
/// with the higher log position, and asks every unit again on activation and periodically
/// (<see cref="Reconcile"/>), so a report lost on the way heals.
/// </summary>
[Alias("govpulse.city")]
public interface ICityGrain : IGrainWithStringKey
{
    [Alias("report"), OneWay]
    Task Report(UnitFiguresReport report);

    [Alias("scorecard")]
    Task<Scorecard> GetScorecard(Period period);

    /// <summary>Asks every unit for its current-month report and keeps the newer of each (the city's timer does this every <c>GovPulse:City:ReconcileInterval</c>).</summary>
    [Alias("reconcile")]
    Task Reconcile();
}
