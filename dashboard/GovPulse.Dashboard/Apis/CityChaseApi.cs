using GovPulse.Dashboard.Dossiers;
using GovPulse.Grains;
using GovPulse.Indicators.Catalog;
using GovPulse.Indicators.Dossiers;
using GovPulse.Indicators.Periods;
using GovPulse.Indicators.Units;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace GovPulse.Dashboard.Apis;

/// <summary>
/// <c>GET /api/v1/chase?status=overdue|due-soon|in-progress&amp;level=all|commune|department&amp;perUnit=5&amp;page=1&amp;pageSize=20</c>:
/// the city-wide chase for leaders. Every unit of the level is judged at the same moment; the units
/// with at least one dossier in the status come worst first (most such dossiers, then the earliest due
/// of their most urgent one, then unit code), each with its counts and its first <c>perUnit</c> dossiers.
/// It has no <c>{code}</c> in its route, so only city-wide readers may call it (GovPulse.Security ReadRules).
/// </summary>
public static class CityChaseApi
{
    public const int DefaultPerUnit = 5;
    public const int MaxPerUnit = 50;
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    public static RouteGroupBuilder MapCityChaseApi(this RouteGroupBuilder api)
    {
        api.MapGet("/chase", GetCityChase)
            .WithName("GetCityChase")
            .WithSummary("Every unit's dossiers to chase, grouped by unit, worst first, with counts")
            .WithTags("Dossiers");
        return api;
    }

    private static async Task<Results<Ok<CityChaseView>, ProblemHttpResult>> GetCityChase(
        string? status, string? level, int? perUnit, int? page, int? pageSize,
        UnitDirectory units, ProcedureCatalog catalog, DossierLinks links, IGrainFactory grains, ScoringClock clock)
    {
        if (ChaseQuery.Status(status) is not { } chase)
        {
            return TypedResults.Problem($"status '{status}' is not one of {ChaseQuery.StatusChoices}", statusCode: StatusCodes.Status400BadRequest);
        }

        var levelName = level ?? "all";
        Func<UnitKind, bool>? ofLevel = levelName switch
        {
            "all" => kind => kind is UnitKind.Commune or UnitKind.Department,
            "commune" => kind => kind == UnitKind.Commune,
            "department" => kind => kind == UnitKind.Department,
            _ => null,
        };
        if (ofLevel is null)
        {
            return TypedResults.Problem($"level '{level}' is not one of all, commune, department", statusCode: StatusCodes.Status400BadRequest);
        }

        if (perUnit is < 0 or > MaxPerUnit)
        {
            return TypedResults.Problem($"perUnit {perUnit} is not in 0..{MaxPerUnit}", statusCode: StatusCodes.Status400BadRequest);
        }

        if (ChaseQuery.PageProblem(page, pageSize, MaxPageSize) is { } problem)
        {
            return TypedResults.Problem(problem, statusCode: StatusCodes.Status400BadRequest);
        }

        var rows = perUnit ?? DefaultPerUnit;
        var number = page ?? 1;
        var size = pageSize ?? DefaultPageSize;
        var asOf = clock.Now;
        var members = units.All.Where(u => ofLevel(u.Kind)).ToList();

        // At least one row from each unit: its most urgent dossier's due time orders units with equal counts.
        var lists = await Task.WhenAll(members.Select(u => grains.GetGrain<IUnitGrain>(u.Code).GetDossiersToChase(chase, 0, Math.Max(1, rows), asOf)));
        var counts = lists.Aggregate(ChaseCounts.None, (sum, list) => sum.Plus(list.Counts));
        var worstFirst = members.Zip(lists)
            .Where(m => m.Second.Total > 0)
            .OrderByDescending(m => m.Second.Total)
            .ThenBy(m => m.Second.MostUrgentDue)
            .ThenBy(m => m.First.Code, StringComparer.Ordinal)
            .ToList();
        var shown = worstFirst
            .Skip(ChaseQuery.Offset(number, size))
            .Take(size)
            .Select(m => new UnitChaseGroup(
                m.First.Code,
                m.First.Name,
                m.First.Kind == UnitKind.Commune ? "commune" : "department",
                m.Second.Counts,
                m.Second.Dossiers.Take(rows).Select(d => DossierView.Of(d, catalog, links)).ToList()))
            .ToList();
        return TypedResults.Ok(new CityChaseView(
            ChaseQuery.Name(chase), levelName, VietnamTime.ToLocal(asOf), counts, shown, number, size,
            ChaseQuery.Pages(worstFirst.Count, size), worstFirst.Count));
    }
}
