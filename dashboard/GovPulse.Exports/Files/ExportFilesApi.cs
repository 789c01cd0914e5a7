using Microsoft.AspNetCore.Routing;

namespace GovPulse.Exports.Files;

/// <summary>
/// <c>GET /api/v1/exports/rankings</c>, <c>GET /api/v1/exports/units/{code}/scorecard</c> and
/// <c>GET /api/v1/exports/manifests/{sha256}</c> (docs/api.md, "Exports").
/// </summary>
public static class ExportFilesApi
{
    public static RouteGroupBuilder MapExportFilesApi(this RouteGroupBuilder api) => api; // issue 15: the exports-api helper writes this
}
