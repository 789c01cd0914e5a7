using GovPulse.Indicators.Dossiers;

namespace GovPulse.Dashboard.Apis;

/// <summary>The answer of <c>GET /api/v1/chase</c>: the units with dossiers in a status, worst first, one page of them.</summary>
/// <param name="Level"><c>all</c> | <c>commune</c> | <c>department</c>.</param>
/// <param name="Counts">Sums over every unit of the level.</param>
/// <param name="TotalUnits">How many units have at least one dossier in the status.</param>
public sealed record CityChaseView(
    string Status,
    string Level,
    DateTimeOffset AsOf,
    ChaseCounts Counts,
    IReadOnlyList<UnitChaseGroup> Units,
    int Page,
    int PageSize,
    int Pages,
    int TotalUnits);
