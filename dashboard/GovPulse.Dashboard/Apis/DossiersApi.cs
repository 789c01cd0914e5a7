using GovPulse.Grains;
using GovPulse.Indicators.Catalog;
using GovPulse.Indicators.Dossiers;
using GovPulse.Indicators.Events;
using GovPulse.Indicators.Periods;
using GovPulse.Indicators.Units;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace GovPulse.Dashboard.Apis;

/// <summary>
/// <c>GET /api/v1/units/{code}/dossiers?status=overdue|due-soon|in-progress&amp;limit=N</c>: the
/// unit's open dossiers to chase, most urgent (earliest due) first, with working days late or left.
/// The total before the limit is in <c>X-Total-Count</c>.
/// </summary>
public static class DossiersApi
{
    public const int DefaultLimit = 200;
    public const int MaxLimit = 2_000;

    public static RouteGroupBuilder MapDossiersApi(this RouteGroupBuilder api)
    {
        api.MapGet("/units/{code}/dossiers", GetDossiers);
        return api;
    }

    private static async Task<Results<Ok<IEnumerable<DossierView>>, ProblemHttpResult>> GetDossiers(
        string code, string? status, int? limit, HttpResponse response, UnitDirectory units, ProcedureCatalog catalog, IGrainFactory grains)
    {
        if (units.Find(code) is not { } unit)
        {
            return TypedResults.Problem($"unit '{code}' is not a known unit; GET /api/v1/units lists them", statusCode: StatusCodes.Status404NotFound);
        }

        if (unit.Kind == UnitKind.City)
        {
            return TypedResults.Problem("the city has no dossiers of its own; ask for a commune or a department", statusCode: StatusCodes.Status400BadRequest);
        }

        ChaseStatus? wanted = (status ?? "overdue") switch
        {
            "overdue" => ChaseStatus.Overdue,
            "due-soon" => ChaseStatus.DueSoon,
            "in-progress" => ChaseStatus.InProgress,
            _ => null,
        };
        if (wanted is not { } chase)
        {
            return TypedResults.Problem($"status '{status}' is not one of overdue, due-soon, in-progress", statusCode: StatusCodes.Status400BadRequest);
        }

        if (limit is < 1 or > MaxLimit)
        {
            return TypedResults.Problem($"limit {limit} is not in 1..{MaxLimit}", statusCode: StatusCodes.Status400BadRequest);
        }

        var list = await grains.GetGrain<IUnitGrain>(code).GetDossiersToChase(chase, limit ?? DefaultLimit);
        response.Headers["X-Total-Count"] = list.Total.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Ok(list.Dossiers.Select(d => DossierView.Of(d, catalog)));
    }
}

/// <summary>One dossier to chase, times in Ho Chi Minh City local time.</summary>
public sealed record DossierView(
    string DossierId,
    string ProcedureCode,
    string? ProcedureName,
    Channel Channel,
    DateTimeOffset ReceivedAt,
    DateTimeOffset DueAt,
    string Status,
    int? WorkingDaysLate,
    int? WorkingDaysLeft,
    int SupplementRequests)
{
    public static DossierView Of(DossierToChase d, ProcedureCatalog catalog) => new(
        d.DossierId,
        d.ProcedureCode,
        catalog.Find(d.ProcedureCode)?.Name,
        d.Channel,
        VietnamTime.ToLocal(d.ReceivedAt),
        VietnamTime.ToLocal(d.DueAt),
        d.Overdue ? "overdue" : "onTime",
        d.WorkingDaysLate,
        d.WorkingDaysLeft,
        d.SupplementRequests);
}
