using System.Collections.Concurrent;
using GovPulse.Indicators.Calendar;
using GovPulse.Indicators.Catalog;
using GovPulse.Indicators.Evaluation;
using GovPulse.Indicators.Periods;
using GovPulse.Indicators.Units;

namespace GovPulse.Grains;

/// <summary>
/// The catalogue's tally per level of unit and period, counted once per node: it depends on neither
/// the unit nor the instant, yet every unit's figures need it, and counting it again for each was a
/// large part of what a unit's figures cost while events flow (docs/benchmarks.md, "Third pass").
/// </summary>
public sealed class CatalogTallies(ProcedureCatalog catalog, WorkingDayCalendar calendar)
{
    /// <summary>Tallies kept at most (a few hundred bytes each); past it the node starts counting afresh.</summary>
    public const int MaxKept = 4_096;

    private readonly ConcurrentDictionary<(ProcedureLevel Level, Period Period), CatalogTally> _kept = new();

    public CatalogTally For(ProcedureLevel level, Period period)
    {
        ArgumentNullException.ThrowIfNull(period);
        if (_kept.TryGetValue((level, period), out var kept))
        {
            return kept;
        }

        var tally = CatalogTally.For(catalog, level, period, calendar);
        if (_kept.Count >= MaxKept)
        {
            _kept.Clear(); // arbitrary ranges could otherwise grow it without end
        }

        _kept[(level, period)] = tally;
        return tally;
    }

    public CatalogTally For(UnitKind kind, Period period) => For(UnitEvaluation.LevelOf(kind), period);
}
