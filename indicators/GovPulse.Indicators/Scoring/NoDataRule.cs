namespace GovPulse.Indicators.Scoring;

/// <summary>
/// What an indicator scores when it has no data (a zero or unknown denominator). Either way the
/// score is marked <c>noData</c> so a reader can tell "no data" from "zero" (indicators-766.md §1).
/// </summary>
public enum NoDataRule
{
    /// <summary>Ratio 0 and 0 points [portal, for payment].</summary>
    ScoresZero,

    /// <summary>"None ⇒ max": petitions and electronic certified copies [portal].</summary>
    ScoresMax,
}
