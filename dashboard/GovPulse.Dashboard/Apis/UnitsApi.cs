using GovPulse.Indicators.Units;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace GovPulse.Dashboard.Apis;

/// <summary><c>GET /api/v1/units</c>: the units this node knows.</summary>
public static class UnitsApi
{
    public static RouteGroupBuilder MapUnitsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/units", GetUnits)
            .WithName("GetUnits")
            .WithSummary("The units this node knows: the city, its communes and its departments")
            .WithTags("Units");
        return api;
    }

    private static Ok<IEnumerable<UnitView>> GetUnits(UnitDirectory units) =>
        TypedResults.Ok(units.All.Select(u => UnitView.From(u, units)));
}
