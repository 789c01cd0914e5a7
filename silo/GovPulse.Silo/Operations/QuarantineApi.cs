using GovPulse.Indicators.Units;
using GovPulse.Storage.ClickHouse;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GovPulse.Silo.Operations;

/// <summary>
/// <c>GET /api/v1/admin/quarantine</c>: stored events a unit's ledger could not apply, with the
/// reason, newest first. They stay in the event log (nothing acknowledged is dropped) and every
/// rebuild of the unit skips them; the metric <c>govpulse.events.quarantined</c> counts them.
/// </summary>
public static class QuarantineApi
{
    private const int MaxLimit = 1_000;

    public static RouteGroupBuilder MapQuarantineApi(this RouteGroupBuilder admin)
    {
        admin.MapGet("/quarantine", List)
            .RequireAuthorization(OperationsRegistration.AdminPolicy)
            .WithName("ListQuarantinedEvents")
            .WithSummary("Stored events a unit could not apply, with the reason (admins)")
            .WithTags("Admin");
        return admin;
    }

    private static async Task<Results<Ok<IReadOnlyList<QuarantinedEventView>>, ProblemHttpResult>> List(
        string? unit, int? limit, UnitDirectory units, IQuarantineStore quarantine, CancellationToken cancellationToken)
    {
        if (unit is { Length: > 0 } code && !units.Contains(code))
        {
            return Problem("unit must be a known unit code (GET /api/v1/units lists them), or left out for every unit");
        }

        if (limit is < 1 or > MaxLimit)
        {
            return Problem($"limit must be between 1 and {MaxLimit}");
        }

        var listed = await quarantine.ListAsync(unit is { Length: > 0 } ? unit : null, limit ?? 100, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<QuarantinedEventView>>(listed.Select(QuarantinedEventView.Of).ToList());
    }

    private static ProblemHttpResult Problem(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "The quarantine request is not valid");
}
