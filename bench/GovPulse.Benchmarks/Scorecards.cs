using GovPulse.Indicators.Calendar;
using GovPulse.Indicators.Catalog;
using GovPulse.Indicators.Dossiers;
using GovPulse.Indicators.Evaluation;
using GovPulse.Indicators.Periods;
using GovPulse.Indicators.Scoring;
using GovPulse.Indicators.Units;

namespace GovPulse.Benchmarks;

/// <summary>A unit's full scorecard for a period, the way the unit grain makes it: ledger tally, catalogue tally, the 22 inputs, the score.</summary>
public static class Scorecards
{
    public static Unit Unit { get; } = UnitDirectory.HoChiMinhCity.Find(UnitWorkload.UnitCode)
        ?? throw new InvalidOperationException($"Unit {UnitWorkload.UnitCode} is not in the directory.");

    public static Scorecard For(UnitLedger ledger, Period period, DateTimeOffset now)
    {
        var evaluatedAt = period.EvaluationTime(now);
        var figures = UnitEvaluation.Figures(
            ledger.Tally(period, evaluatedAt),
            CatalogTally.For(ProcedureCatalog.Reference, UnitEvaluation.LevelOf(Unit.Kind), period, WorkingDayCalendar.Vietnam));
        return UnitEvaluation.Scorecard(Unit, period.Label, evaluatedAt, figures);
    }
}
