using GovPulse.Indicators.Periods;
using GovPulse.Indicators.Scoring;
using Orleans.Concurrency;

namespace GovPulse.Grains;

/// <summary>
/// The city (key <c>79</c>): pools its units' figures. Units report their current-month figures
/// when they change, so the city never re-reads every unit on a change; the city keeps the report
/// with the higher log position, and reconciles on activation and periodically (<see cref="Reconcile"/>),
/// so a report lost on the way heals. It keeps the units' reports of ended periods it was asked for
/// and asks a unit again only when its log moved, and wakes units when their next due time comes.
/// </summary>
[Alias("govpulse.city")]
public interface ICityGrain : IGrainWithStringKey
{
    /// <summary>
    /// A unit's current-month figures. Units wait for it when they apply events, so what an ingest
    /// acknowledged is in the city's figures, and marks its kept ended periods to ask again, before the
    /// ingest answers (a unit starting up does not wait: the city may be asking it at that moment).
    /// </summary>
    [Alias("report")]
    Task Report(UnitFiguresReport report);

    [Alias("scorecard")]
    Task<Scorecard> GetScorecard(Period period);

    /// <summary>
    /// Reads every unit's last log position (one query) and asks only the units whose position differs
    /// from the current-month report the city keeps, whose next due time has passed, or of which it
    /// keeps none (the city's timer does this every <c>GovPulse:City:ReconcileInterval</c>). A unit
    /// whose log holds no event is not asked: its figures are the empty unit's.
    /// </summary>
    [Alias("reconcile")]
    Task Reconcile();

    /// <summary>
    /// The units' scorecards for the period, each as its unit grain gives it, in the order asked. An
    /// ended period comes from the reports the city keeps (a unit is asked only when its log moved
    /// since, or the period was not kept); any other period asks the units.
    /// </summary>
    /// <remarks>Returned as <see cref="Immutable{T}"/>, so a caller on the city's node takes the list without a copy.</remarks>
    [Alias("unit-scorecards")]
    Task<Immutable<IReadOnlyList<Scorecard>>> GetUnitScorecards(Period period, [Immutable] IReadOnlyList<string> unitCodes);

    /// <summary>Wakes the units whose next due time has come (<c>IUnitGrain.CheckClock</c>) and keeps their new figures; the city's scoring-clock timer calls it.</summary>
    [Alias("wake-due")]
    Task WakeDueUnits();
}
