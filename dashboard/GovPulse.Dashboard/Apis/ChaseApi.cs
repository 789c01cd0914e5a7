using GovPulse.Dashboard.Dossiers;
using GovPulse.Grains;
using GovPulse.Indicators.Catalog;
using GovPulse.Indicators.Periods;
using GovPulse.Indicators.Units;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace GovPulse.Dashboard.Apis;

/// <summary>
/// <c>GET /api/v1/units/{code}/chase?status=overdue|due-soon|in-progress&amp;page=1&amp;pageSize=50</c>:
/// one page of the unit's dossiers to chase with the counts of every status, from one grain call at one
/// moment, so each count is what that status's tab lists.
/// </summary>
public static class ChaseApi
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    public static RouteGroupBuilder MapChaseApi(this RouteGroupBuilder api)
    {
        api.MapGet("/units/{code}/chase", GetChase)
            .WithName("GetUnitChase")
            .WithSummary("One page of a unit's dossiers to chase, with why each is overdue and the count of every status")
            .WithTags("Dossiers");
        return api;
    }

    private static async Task<Results<Ok<UnitChaseView>, ProblemHttpResult>> GetChase(
        string code, string? status, int? page, int? pageSize, UnitDirectory units, ProcedureCatalog catalog, DossierLinks links,
        IGrainFactory grains, ScoringClock clock)
    {
        if (DossiersApi.ChaseUnit(code, units) is { } refused)
        {
            return refused;
        }

        if (ChaseQuery.Status(status) is not { } chase)
        {
            return TypedResults.Problem($"status '{status}' is not one of {ChaseQuery.StatusChoices}", statusCode: StatusCodes.Status400BadRequest);
        }

        if (ChaseQuery.PageProblem(page, pageSize, MaxPageSize) is { } problem)
        {
            return TypedResults.Problem(problem, statusCode: StatusCodes.Status400BadRequest);
        }

        var number = page ?? 1;
        var size = pageSize ?? DefaultPageSize;
        var list = await grains.GetGrain<IUnitGrain>(code).GetDossiersToChase(chase, ChaseQuery.Offset(number, size), size, clock.Now);
        return TypedResults.Ok(new UnitChaseView(
            code,
            units.Find(code)!.Name,
            ChaseQuery.Name(chase),
            VietnamTime.ToLocal(list.AsOf),
            list.Counts,
            number,
            size,
            ChaseQuery.Pages(list.Total, size),
            list.Total,
            list.Dossiers.Select(d => DossierView.Of(d, catalog, links)).ToList()));
    }
}
