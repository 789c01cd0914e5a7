using System.Globalization;
using GovPulse.Dashboard.Dossiers;
using GovPulse.Grains;
using GovPulse.Indicators.Catalog;
using GovPulse.Indicators.Dossiers;
using GovPulse.Indicators.Units;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace GovPulse.Dashboard.Apis;

/// <summary>
/// <c>GET /api/v1/units/{code}/dossiers?status=overdue|due-soon|in-progress&amp;limit=N</c>: the
/// unit's open dossiers to chase, most urgent (earliest due) first, with why each is overdue and
/// working days late or left. The total before the limit is in <c>X-Total-Count</c>, and the count of
/// every status, from the same moment, in <c>X-GovPulse-Count-Overdue</c>, <c>-Due-Soon</c>, <c>-In-Progress</c>.
/// </summary>
public static class DossiersApi
{
    public const int DefaultLimit = 200;
    public const int MaxLimit = 2_000;
    public const string OverdueCountHeader = "X-GovPulse-Count-Overdue";
    public const string DueSoonCountHeader = "X-GovPulse-Count-Due-Soon";
    public const string InProgressCountHeader = "X-GovPulse-Count-In-Progress";

    public static RouteGroupBuilder MapDossiersApi(this RouteGroupBuilder api)
    {
        api.MapGet("/units/{code}/dossiers", GetDossiers)
            .WithName("GetUnitDossiers")
            .WithSummary("A unit's open dossiers to chase, most urgent first, with the count of every status in headers")
            .WithTags("Dossiers");
        return api;
    }

    private static async Task<Results<Ok<IEnumerable<DossierView>>, ProblemHttpResult>> GetDossiers(
        string code, string? status, int? limit, HttpResponse response, UnitDirectory units, ProcedureCatalog catalog, DossierLinks links,
        IGrainFactory grains, ScoringClock clock)
    {
        if (ChaseUnit(code, units) is { } refused)
        {
            return refused;
        }

        if (ChaseQuery.Status(status) is not { } chase)
        {
            return TypedResults.Problem($"status '{status}' is not one of {ChaseQuery.StatusChoices}", statusCode: StatusCodes.Status400BadRequest);
        }

        if (limit is < 1 or > MaxLimit)
        {
            return TypedResults.Problem($"limit {limit} is not in 1..{MaxLimit}", statusCode: StatusCodes.Status400BadRequest);
        }

        var list = await grains.GetGrain<IUnitGrain>(code).GetDossiersToChase(chase, 0, limit ?? DefaultLimit, clock.Now);
        response.Headers["X-Total-Count"] = Text(list.Total);
        response.Headers[OverdueCountHeader] = Text(list.Counts.Overdue);
        response.Headers[DueSoonCountHeader] = Text(list.Counts.DueSoon);
        response.Headers[InProgressCountHeader] = Text(list.Counts.InProgress);
        return TypedResults.Ok(list.Dossiers.Select(d => DossierView.Of(d, catalog, links)));
    }

    /// <summary>
    /// Null when <paramref name="code"/> is a unit with dossiers of its own; else the problem to answer
    /// (400 for the city; an unknown code never gets here: the group's <c>WithQueryChecks</c> answers 404).
    /// </summary>
    internal static ProblemHttpResult? ChaseUnit(string code, UnitDirectory units) =>
        units.Find(code) is { } unit && UnitDirectory.IsPooled(unit)
            ? TypedResults.Problem("the city has no dossiers of its own; ask for a commune or a department, or GET /api/v1/chase for every unit", statusCode: StatusCodes.Status400BadRequest)
            : null;

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
