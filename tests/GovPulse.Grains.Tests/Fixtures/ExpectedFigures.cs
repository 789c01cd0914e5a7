using GovPulse.Indicators.Calendar;
using GovPulse.Indicators.Catalog;
using GovPulse.Indicators.Dossiers;
using GovPulse.Indicators.Evaluation;
using GovPulse.Indicators.Events;
using GovPulse.Indicators.Periods;
using GovPulse.Indicators.Scoring;
using GovPulse.Indicators.Units;
using Microsoft.Extensions.DependencyInjection;

namespace GovPulse.Grains.Tests.Fixtures;

/// <summary>
/// The figures a clean single-node run gives: the events applied once each, in order, to a fresh
/// ledger, scored by the same domain code with the silo's catalogue, calendar and bands, for ended
/// periods (judged at their end, so the time of asking does not matter).
/// </summary>
public sealed class ExpectedFigures(IServiceProvider silo)
{
    private readonly UnitDirectory _units = silo.GetRequiredService<UnitDirectory>();
    private readonly ProcedureCatalog _catalog = silo.GetRequiredService<ProcedureCatalog>();
    private readonly WorkingDayCalendar _calendar = silo.GetRequiredService<WorkingDayCalendar>();
    private readonly BandThresholds _bands = silo.GetRequiredService<BandThresholds>();

    public IReadOnlyList<object> Of(string unitCode, IEnumerable<UnitEvent> inOrder, IEnumerable<Period> periods)
    {
        var ledger = new UnitLedger(_calendar);
        foreach (var e in inOrder)
        {
            ledger.Apply(e);
        }

        var unit = _units.Find(unitCode)!;
        var level = UnitEvaluation.LevelOf(unit.Kind);
        return periods.Select(period =>
        {
            var at = period.EvaluationTime(period.End);
            var figures = UnitEvaluation.Figures(ledger.Tally(period, at), CatalogTally.For(_catalog, level, period, _calendar));
            return Shown(UnitEvaluation.Scorecard(unit, period.Label, at, figures, _bands));
        }).ToList();
    }

    /// <summary>What the grain's scorecards say for these periods, in order, as <see cref="Shown"/> puts it.</summary>
    public static async Task<List<object>> ShownBy(IUnitGrain grain, IEnumerable<Period> periods)
    {
        ArgumentNullException.ThrowIfNull(grain);
        var shown = new List<object>();
        foreach (var period in periods)
        {
            shown.Add(Shown(await grain.GetScorecard(period)));
        }

        return shown;
    }

    /// <summary>What a scorecard says about the unit's figures (not its version or when it was asked).</summary>
    public static object Shown(Scorecard scorecard) => new { scorecard.UnitCode, scorecard.Period, scorecard.Total, scorecard.Band, scorecard.Counts, scorecard.Groups };
}
