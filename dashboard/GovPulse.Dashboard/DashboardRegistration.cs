using GovPulse.Dashboard.Apis;
using GovPulse.Dashboard.Dossiers;
using GovPulse.Dashboard.Hubs;
using GovPulse.Dashboard.Queries;
using GovPulse.Grains;
using GovPulse.Indicators.Units;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using System.Text.Json.Serialization;

namespace GovPulse.Dashboard;

public static class DashboardRegistration
{
    /// <summary>Read APIs, the live hub and the web UI.</summary>
    public static IHostApplicationBuilder AddGovPulseDashboard(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(UnitDirectory.HoChiMinhCity);
        builder.Services.TryAddSingleton(ScoringClock.System);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddOptions<DossierLinkOptions>().BindConfiguration(DossierLinkOptions.Section)
            .Validate(o => DossierLinkOptions.IsValidTemplate(o.SourceUrlTemplate), DossierLinkOptions.InvalidTemplateMessage)
            .ValidateOnStart();
        builder.Services.AddSingleton<DossierLinks>();
        builder.Services.AddSingleton<HubLiveFeedObserver>();
        builder.Services.AddHostedService<LiveFeedSubscription>();
        builder.Services.Configure<JsonOptions>(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        builder.Services.AddSignalR();
        return builder;
    }

    /// <summary>
    /// The read APIs, in a group that requires <paramref name="readPolicy"/> (who may read which unit,
    /// GovPulse.Security): an API added here is covered without a word about security in its own file.
    /// The group's query checks answer 404 for an unknown <c>{code}</c> and 400 for a query value
    /// (period, level, asOf, lang) that does not parse, before any handler runs.
    /// </summary>
    public static RouteGroupBuilder MapDashboardApis(this RouteGroupBuilder api, string readPolicy)
    {
        api.MapGroup(string.Empty).RequireAuthorization(readPolicy).WithQueryChecks()
            .MapUnitsApi().MapScorecardApi().MapScoreApi().MapRankingApi().MapHistoryApi().MapDossiersApi()
            .MapChaseApi().MapCityChaseApi().MapComparisonApi().MapMoversApi().MapTrendApi().MapChartsApi();
        return api;
    }

    /// <summary>
    /// The hub, for callers that pass <paramref name="hubPolicy"/> (each <c>Subscribe</c> is checked
    /// against the caller's units by a hub filter), and the static web UI (embedded in this assembly),
    /// open to everyone: the page shows its own sign-in screen when the API answers 401.
    /// </summary>
    public static WebApplication MapDashboard(this WebApplication app, string hubPolicy)
    {
        var files = new EmbeddedFileProvider(typeof(DashboardRegistration).Assembly, "GovPulse.Dashboard.wwwroot");
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        // A hub maps several endpoints (negotiate, the connection): a summary and tag, no one name.
        app.MapHub<IndicatorsHub>(IndicatorsHub.Path).RequireAuthorization(hubPolicy)
            .WithSummary("Live scorecards over SignalR: Subscribe to the units the caller may read").WithTags("Live");
        return app;
    }
}
