using GovPulse.Dashboard.Queries;
using GovPulse.Exports.Explanations;
using GovPulse.Exports.Files;
using GovPulse.Exports.Rendering.Fonts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GovPulse.Exports;

public static class ExportsRegistration
{
    /// <summary>Exports (CSV, Excel, PDF, charts) and explained numbers.</summary>
    public static IHostApplicationBuilder AddGovPulseExports(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<KnownAtScorecards>();
        // The bundled font joins ScottPlot's and PDFsharp's process-wide font lists now, before any
        // request: added during a request it could race a dashboard chart being drawn at that moment.
        ChartFonts.Install();
        PdfFonts.Install();
        return builder;
    }

    /// <summary>
    /// The export and explanation APIs, in a group that requires <paramref name="readPolicy"/> (the
    /// same as the dashboard's reads: figures for every reader as the screens show them, the dossiers
    /// behind a number only to those who may read that unit's dossiers).
    /// </summary>
    public static RouteGroupBuilder MapGovPulseExports(this RouteGroupBuilder api, string readPolicy)
    {
        api.MapGroup(string.Empty).RequireAuthorization(readPolicy).WithQueryChecks()
            .MapExportFilesApi().MapExplanationsApi();
        return api;
    }
}
