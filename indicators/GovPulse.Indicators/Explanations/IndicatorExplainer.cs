using GovPulse.Indicators.Catalog;
using GovPulse.Indicators.Dossiers;
using GovPulse.Indicators.Periods;
using GovPulse.Indicators.Scoring;

namespace GovPulse.Indicators.Explanations;

/// <summary>
/// Lists what a unit's indicator counted for a period at an evaluation time: the same rules as
/// <see cref="UnitLedger.Tally"/> and <see cref="CatalogTally.For"/>, item by item, so its sums equal
/// the scorecard's numerator and denominator exactly (a property test holds them together).
/// </summary>
public static class IndicatorExplainer
{
    public static IndicatorExplanation Explain(
        UnitLedger ledger, ProcedureCatalog catalog, ProcedureLevel level, Period period, DateTimeOffset evaluatedAt, IndicatorCode indicator)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(period);
        throw new NotImplementedException("issue 15: the known-at helper writes this");
    }
}
