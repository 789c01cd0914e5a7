using GovPulse.Indicators.Calendar;
using GovPulse.Indicators.Catalog;
using GovPulse.Indicators.Dossiers;
using GovPulse.Indicators.Evaluation;
using GovPulse.Indicators.Periods;
using GovPulse.Indicators.Units;

namespace GovPulse.Grains.City;

/// <summary>
/// The figures of a unit whose log holds no event, for one period: the zero dossier tally (an empty
/// ledger counts nothing) beside the catalogue's tally, which depends only on the kind of unit and the
/// period — so it is counted once per kind, not once per unit.
/// </summary>
internal sealed class EmptyFigures(CatalogTallies catalogTallies, Period period)
{
    private readonly Dictionary<UnitKind, UnitFigures> _byKind = [];

    public UnitFigures Of(UnitKind kind)
    {
        if (!_byKind.TryGetValue(kind, out var figures))
        {
            figures = UnitEvaluation.Figures(DossierTally.Zero, catalogTallies.For(kind, period));
            _byKind[kind] = figures;
        }

        return figures;
    }
}
