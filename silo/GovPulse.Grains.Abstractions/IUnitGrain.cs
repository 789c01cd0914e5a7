using System.Collections.Immutable;
using GovPulse.Indicators.Dossiers;
using GovPulse.Indicators.Evaluation;
using GovPulse.Indicators.Events;
using GovPulse.Indicators.Periods;
using GovPulse.Indicators.Scoring;
using Orleans.Concurrency;

namespace GovPulse.Grains;

/// <summary>
/// One unit (commune, department, or the city's own desk), keyed by its code, and the single writer
/// of the unit's event log. Holds the unit's dossiers in memory and rebuilds them from ClickHouse on
/// activation: its latest snapshot (at a log position) plus the events after that position.
/// </summary>
[Alias("govpulse.unit")]
public interface IUnitGrain : IGrainWithStringKey
{
    /// <summary>
    /// Stores the unit's new events in its log (numbering them after the unit's last position) and
    /// applies them; returns once they are stored. The caller sends only events not stored yet (the
    /// ingest pipeline checks ids first); an empty array just wakes the unit. Throws when the events
    /// may not be stored; then the unit rebuilds from its log on the next call.
    /// </summary>
    /// <remarks>
    /// Interleaves: the events of concurrent batches for one unit are numbered one after the other and
    /// stored together by the node's group commit, instead of one insert after another.
    /// <see cref="UnitEvent"/> is an immutable record, so the events are passed as they are: without
    /// <c>[Immutable]</c> a call inside the silo deep-copies every event through the JSON codec.
    /// </remarks>
    [Alias("apply"), AlwaysInterleave]
    Task<ApplyResult> Apply([Immutable] ImmutableArray<UnitEvent> events);

    /// <summary>
    /// Applies events already stored in the unit's log again (an operator's replay of a time range):
    /// the log is not written, and re-applying an event changes nothing.
    /// </summary>
    [Alias("reapply")]
    Task<ApplyResult> Reapply([Immutable] ImmutableArray<UnitEvent> events);

    /// <summary>The unit's Decision 766 scorecard for the period, judged at min(now, end of period).</summary>
    [Alias("scorecard"), ReadOnly]
    Task<Scorecard> GetScorecard(Period period);

    /// <summary>Numerators, denominators and counts for pooling; interleaves, so the city can ask while this unit is busy.</summary>
    [Alias("figures"), ReadOnly, AlwaysInterleave]
    Task<UnitFigures> GetFigures(Period period);

    /// <summary>
    /// The figures for the period judged at <paramref name="at"/> (or the period's end, if sooner):
    /// what the unit's dossiers stood at then. The hourly publication asks for the top of its hour,
    /// so an hour published late still carries its own figures.
    /// </summary>
    [Alias("figures-at"), ReadOnly, AlwaysInterleave]
    Task<UnitFigures> GetFiguresAt(Period period, DateTimeOffset at);

    /// <summary>
    /// The unit's figures for the period with its log position, as it reports them to the city: the
    /// city asks on activation and periodically (reconciliation), so a lost report heals. Interleaves, like <see cref="GetFigures"/>.
    /// </summary>
    [Alias("report"), ReadOnly, AlwaysInterleave]
    Task<UnitFiguresReport> GetReport(Period period);

    /// <summary>
    /// One page of the unit's open dossiers to chase at <paramref name="asOf"/> (overdue, due soon, or all
    /// open), most urgent first: <paramref name="limit"/> of them after the first <paramref name="offset"/>,
    /// with the counts of every status from the same pass. The caller gives the time, so a city-wide list
    /// judges every unit at the same moment.
    /// </summary>
    [Alias("chase-page"), ReadOnly]
    Task<ChaseList> GetDossiersToChase(ChaseStatus status, int offset, int limit, DateTimeOffset asOf);

    /// <summary>Re-judges the unit now: called by its own clock when an open dossier reaches its due time.</summary>
    [Alias("check-clock")]
    Task CheckClock();

    /// <summary>
    /// Saves a snapshot of the unit's ledger now (it also does so on its own, periodically); returns
    /// the log position it holds. Throws, and rebuilds, when the log holds events this activation does not.
    /// </summary>
    [Alias("save-snapshot")]
    Task<long> SaveSnapshot();

    /// <summary>
    /// Rebuilds the unit from every stored event, ignoring snapshots (after a change to what events
    /// mean, or to repair a unit), saves a fresh snapshot, and pushes its figures.
    /// </summary>
    [Alias("rebuild")]
    Task<UnitStatus> Rebuild();

    /// <summary>How the grain was rebuilt and where its snapshots stand.</summary>
    [Alias("status"), ReadOnly]
    Task<UnitStatus> GetStatus();
}
