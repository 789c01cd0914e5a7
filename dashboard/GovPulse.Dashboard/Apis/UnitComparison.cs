using GovPulse.Indicators.Scoring;

namespace GovPulse.Dashboard.Apis;

/// <summary>
/// A unit's scorecard beside the previous period's and the city's (<c>GET /units/{code}/comparison</c>):
/// the three full scorecards, so a page can compare any indicator, the changes of total and groups,
/// and where the unit stands among the units of its level.
/// </summary>
/// <param name="City">The city's scorecard for the same period; null when the unit is the city.</param>
/// <param name="VersusCity">The unit minus the city; null when the unit is the city.</param>
/// <param name="Standing">The unit's rank among its level, their average and the city's total; null when the unit is the city.</param>
public sealed record UnitComparison(
    string UnitCode,
    string Name,
    string Period,
    string PreviousPeriod,
    Scorecard Current,
    Scorecard Previous,
    Scorecard? City,
    ScoreChange Change,
    ScoreChange? VersusCity,
    UnitStanding? Standing);
