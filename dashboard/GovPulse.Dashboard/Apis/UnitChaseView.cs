using GovPulse.Indicators.Dossiers;

namespace GovPulse.Dashboard.Apis;

/// <summary>The answer of <c>GET /api/v1/units/{code}/chase</c>: one page of a status's list and the counts of every status, all as of <paramref name="AsOf"/>.</summary>
/// <param name="Status"><c>overdue</c> | <c>due-soon</c> | <c>in-progress</c>.</param>
/// <param name="Total">How many dossiers the status lists in all (equals its count).</param>
public sealed record UnitChaseView(
    string UnitCode,
    string Name,
    string Status,
    DateTimeOffset AsOf,
    ChaseCounts Counts,
    int Page,
    int PageSize,
    int Pages,
    int Total,
    IReadOnlyList<DossierView> Dossiers);
