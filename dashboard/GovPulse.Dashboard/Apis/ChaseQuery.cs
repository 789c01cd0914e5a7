using GovPulse.Indicators.Dossiers;

namespace GovPulse.Dashboard.Apis;

/// <summary>The query words of the chase endpoints: <c>status</c> and page arithmetic, read the same way by each.</summary>
public static class ChaseQuery
{
    public const string StatusChoices = "overdue, due-soon, in-progress";

    /// <summary>The status a query names (default overdue); null for an unknown word.</summary>
    public static ChaseStatus? Status(string? status) => (status ?? "overdue") switch
    {
        "overdue" => ChaseStatus.Overdue,
        "due-soon" => ChaseStatus.DueSoon,
        "in-progress" => ChaseStatus.InProgress,
        _ => null,
    };

    public static string Name(ChaseStatus status) => status switch
    {
        ChaseStatus.Overdue => "overdue",
        ChaseStatus.DueSoon => "due-soon",
        _ => "in-progress",
    };

    /// <summary>Why <paramref name="page"/> and <paramref name="pageSize"/> cannot be served (page 1.., size 1..<paramref name="maxPageSize"/>); null when they can.</summary>
    public static string? PageProblem(int? page, int? pageSize, int maxPageSize) =>
        page < 1 ? $"page {page} is not 1 or more"
        : pageSize is { } size && (size < 1 || size > maxPageSize) ? $"pageSize {pageSize} is not in 1..{maxPageSize}"
        : null;

    /// <summary>How many items come before page <paramref name="page"/> (1-based), capped so a far page is merely empty.</summary>
    public static int Offset(int page, int pageSize) => (int)Math.Min(int.MaxValue, ((long)page - 1) * pageSize);

    /// <summary>Pages needed for <paramref name="total"/> items; 1 for none, so page 1 always exists.</summary>
    public static int Pages(int total, int pageSize) => Math.Max(1, (int)(((long)total + pageSize - 1) / pageSize));
}
