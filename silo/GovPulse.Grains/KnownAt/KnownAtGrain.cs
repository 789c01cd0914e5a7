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

    /// <summary>How many units the city's pooled figures rebuild at once (each one query to ClickHouse).</summary>
    private const int CityParallelism = 4;

    public async Task<KnownAtFigures> GetFigures(string unitCode, Period period, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(period);
        var unit = Known(unitCode);
        return unit.Code == units.City.Code ? await CityFiguresAsync(period, asOf) : await UnitFiguresAsync(unit, period, asOf);
    }

    public async Task<IndicatorExplanation> Explain(string unitCode, Period period, DateTimeOffset asOf, IndicatorCode indicator)
    {
        ArgumentNullException.ThrowIfNull(period);
        var unit = Known(unitCode);
        if (unit.Code == units.City.Code)
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

    /// <summary>The city as the city grain pools it live: every unit's figures (the city's own desk among them), publicity from the desk's own.</summary>
    private async Task<KnownAtFigures> CityFiguresAsync(Period period, DateTimeOffset asOf)
    {
        using var gate = new SemaphoreSlim(CityParallelism);
        var all = await Task.WhenAll(units.All.Select(async unit =>
        {
            await gate.WaitAsync();
            try
            {
                return await UnitFiguresAsync(unit, period, asOf);
            }
            finally
            {
                gate.Release();
            }
        }));
        var own = all.First(f => f.UnitCode == units.City.Code).Figures;
        var pooled = UnitEvaluation.Pool(all.Select(f => f.Figures), own);
        return new KnownAtFigures(units.City.Code, period, asOf, period.EvaluationTime(asOf), all.Sum(f => f.Position), pooled);
    }

    /// <summary>One unit's own figures (for the city's code, its own desk's).</summary>
    private Task<KnownAtFigures> UnitFiguresAsync(Unit unit, Period period, DateTimeOffset asOf) =>
        figures.GetAsync(unit.Code, period, asOf, async () =>
        {
            var known = await LedgerAsync(unit.Code, period, asOf);
            var evaluatedAt = period.EvaluationTime(asOf);
            DossierTally tally;
            lock (known.Gate)
            {
                tally = known.Ledger.Tally(period, evaluatedAt);
            }

            var catalogTally = CatalogTally.For(catalog, UnitEvaluation.LevelOf(unit.Kind), period, calendar);
            return new KnownAtFigures(unit.Code, period, asOf, evaluatedAt, known.Position, UnitEvaluation.Figures(tally, catalogTally));
        });

    private Task<KnownAtLedger> LedgerAsync(string unitCode, Period period, DateTimeOffset asOf) =>
        ledgers.GetAsync(unitCode, period, asOf, async () =>
        {
            var position = await store.PositionAtAsync(unitCode, asOf);
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
