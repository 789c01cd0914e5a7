using Microsoft.AspNetCore.Routing;

namespace GovPulse.Exports.Explanations;

/// <summary><c>GET /api/v1/units/{code}/indicators/{indicatorCode}/dossiers</c>: the items behind a number (docs/api.md).</summary>
public static class ExplanationsApi
{
    public static RouteGroupBuilder MapExplanationsApi(this RouteGroupBuilder api) => api; // issue 15: the explain helper writes this
}
