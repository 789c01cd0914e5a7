using GovPulse.Indicators.Calendar;
using GovPulse.Indicators.Catalog;
using GovPulse.Indicators.Dossiers;
using GovPulse.Indicators.Evaluation;
using GovPulse.Indicators.Explanations;
using GovPulse.Indicators.Periods;
using GovPulse.Indicators.Scoring;
using GovPulse.Indicators.Units;
using GovPulse.Storage.ClickHouse;
using Microsoft.Extensions.Logging;
using Orleans.Concurrency;

namespace GovPulse.Grains.KnownAt;

/// <summary>
/// Figures and explanations as known at an instant (docs/architecture.md, "Figures as known at an
/// instant"): a unit's ledger rebuilt from the prefix of its log stored by then (positions up to its
/// position at asOf), holding only the subjects received in the period, judged at
/// min(asOf, end of the period). Never asks the live unit grains, so exports and explanations agree
/// with each other exactly and stay the same whatever is stored later.
/// </summary>
[StatelessWorker]
public sealed partial class KnownAtGrain(
    UnitDirectory units,
    ProcedureCatalog catalog,
    CatalogTallies catalogTallies,
    WorkingDayCalendar calendar,
    IEventStore store,
    KnownAtCache<KnownAtLedger> ledgers,
    KnownAtCache<KnownAtFigures> figures,
    ILogger<KnownAtGrain> logger) : Grain, IKnownAtGrain
{
    /// <summary>Ledgers a node keeps (each a unit's period of dossiers: up to a few megabytes).</summary>
    public const int LedgersKept = 64;

    /// <summary>Unit figures a node keeps (a few kilobytes each: every unit of the city for a dozen periods and instants).</summary>
    public const int FiguresKept = 4096;

    /// <summary>How many units a ranking or the city's pooled figures rebuild at once (each one query to ClickHouse).</summary>
    private const int RebuildParallelism = 4;

    public async Task<KnownAtFigures> GetFigures(string unitCode, Period period, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(period);
        var unit = Known(unitCode);
        return UnitDirectory.IsPooled(unit) ? await PooledFiguresAsync(unit, period, asOf) : await UnitFiguresAsync(unit, period, asOf);
    }

    public async Task<IndicatorExplanation> Explain(string unitCode, Period period, DateTimeOffset asOf, IndicatorCode indicator)
    {
        ArgumentNullException.ThrowIfNull(period);
        var unit = Known(unitCode);
        if (UnitDirectory.IsPooled(unit))
        {
            throw new ArgumentException("the city's figures pool its units; open one unit", nameof(unitCode));
        }

        var known = await LedgerAsync(unit.Code, period, asOf);
        lock (known.Gate)
        {
            return IndicatorExplainer.Explain(known.Ledger, catalog, UnitEvaluation.LevelOf(unit.Kind), period, period.EvaluationTime(asOf), indicator);
        }
    }

    private Unit Known(string unitCode) =>
        units.Find(unitCode) ?? throw new ArgumentException("not a known unit; GET /api/v1/units lists them", nameof(unitCode));

    public async Task<IReadOnlyList<KnownAtFigures>> GetLevelFigures(UnitKind kind, Period period, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(period);
        return await ManyFiguresAsync(units.All.Where(u => u.Kind == kind).ToList(), period, asOf);
    }

    /// <summary>A city (province, nation) as the city grain pools it live: its units' figures (its own desk among them), publicity from the desk's own.</summary>
    private async Task<KnownAtFigures> PooledFiguresAsync(Unit pooling, Period period, DateTimeOffset asOf)
    {
        var all = await ManyFiguresAsync(units.MembersOf(pooling.Code), period, asOf);
        var byCode = all.ToDictionary(f => f.UnitCode, f => f.Figures, StringComparer.Ordinal);
        var pooled = PooledFigures.Of(units, pooling, byCode.GetValueOrDefault);
        return new KnownAtFigures(pooling.Code, period, asOf, period.EvaluationTime(asOf), all.Sum(f => f.Position), pooled);
    }

    /// <summary>
    /// Many units' figures: their positions in one query, and a rebuild only for the units whose log
    /// holds a receipt in the period; the others count nothing, whatever the instant, so their dossier
    /// tally is zero (what an empty ledger gives). The catalogue's tally depends only on the kind of
    /// unit and the period, so it is counted once per kind.
    /// </summary>
    private async Task<IReadOnlyList<KnownAtFigures>> ManyFiguresAsync(IReadOnlyList<Unit> members, Period period, DateTimeOffset asOf)
    {
        var positions = await store.PositionsAtAsync(asOf);
        var receiving = await store.UnitsWithReceiptsAsync(period.Start, period.End);
        var catalogTallies = members.Select(u => u.Kind).Distinct().ToDictionary(kind => kind, kind => CatalogTallyOf(kind, period));
        using var gate = new SemaphoreSlim(RebuildParallelism);
        return await Task.WhenAll(members.Select(async unit =>
        {
            var position = positions.GetValueOrDefault(unit.Code);
            if (!receiving.Contains(unit.Code))
            {
                return Figures(unit, period, asOf, position, DossierTally.Zero, catalogTallies[unit.Kind]);
            }

            await gate.WaitAsync();
            try
            {
                return await UnitFiguresAsync(unit, period, asOf, position);
            }
            finally
            {
                gate.Release();
            }
        }));
    }

    /// <summary>One unit's own figures (for the city's code, its own desk's).</summary>
    private Task<KnownAtFigures> UnitFiguresAsync(Unit unit, Period period, DateTimeOffset asOf, long? position = null) =>
        figures.GetAsync(unit.Code, period, asOf, async () =>
        {
            var known = await LedgerAsync(unit.Code, period, asOf, position);
            DossierTally tally;
            lock (known.Gate)
            {
                tally = known.Ledger.Tally(period, period.EvaluationTime(asOf));
            }

            return Figures(unit, period, asOf, known.Position, tally, CatalogTallyOf(unit.Kind, period));
        });

    private static KnownAtFigures Figures(Unit unit, Period period, DateTimeOffset asOf, long position, DossierTally tally, CatalogTally catalogTally) =>
        new(unit.Code, period, asOf, period.EvaluationTime(asOf), position, UnitEvaluation.Figures(tally, catalogTally));

    private CatalogTally CatalogTallyOf(UnitKind kind, Period period) => catalogTallies.For(kind, period);

    /// <param name="knownPosition">The unit's position at asOf when the caller has read it already (<see cref="IEventStore.PositionsAtAsync"/>).</param>
    private Task<KnownAtLedger> LedgerAsync(string unitCode, Period period, DateTimeOffset asOf, long? knownPosition = null) =>
        ledgers.GetAsync(unitCode, period, asOf, async () =>
        {
            var position = knownPosition ?? await store.PositionAtAsync(unitCode, asOf);
            var ledger = new UnitLedger(calendar);
            var skipped = 0;
            await foreach (var e in store.ReadKnownAtAsync(unitCode, position, asOf, period.Start, period.End))
            {
                try
                {
                    ledger.Apply(e);
                }
#pragma warning disable CA1031 // An event the ledger cannot apply is left out, as the unit grain quarantines it.
                catch (Exception)
#pragma warning restore CA1031
                {
                    skipped++;
                }
            }

            if (skipped > 0)
            {
                LogSkipped(unitCode, skipped, position);
            }

            return new KnownAtLedger(ledger, position);
        });

    [LoggerMessage(Level = LogLevel.Warning, Message = "Known-at rebuild of unit {UnitCode} up to position {Position} left out {Skipped} events the ledger cannot apply")]
    private partial void LogSkipped(string unitCode, int skipped, long position);
}
