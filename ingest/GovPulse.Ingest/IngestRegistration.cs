using GovPulse.Grains;
using GovPulse.Indicators.Units;
using GovPulse.Ingest.Api;
using GovPulse.Ingest.Pipeline;
using GovPulse.Ingest.Security;
using GovPulse.Ingest.Simulation;
using GovPulse.Security.Keys;
using Microsoft.Extensions.Configuration;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace GovPulse.Ingest;

public static class IngestRegistration
{
    /// <summary>The ingest pipeline, API-key authentication (<see cref="ApiKeyRegistration"/>), the ingest policy and the per-key rate limit.</summary>
    public static IHostApplicationBuilder AddGovPulseIngest(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<IngestOptions>().BindConfiguration(IngestOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.TryAddSingleton(UnitDirectory.HoChiMinhCity);
        builder.Services.TryAddSingleton(TimeProvider.System); // the ingest API's far-future check reads the node's clock
        builder.Services.AddMetrics();
        builder.Services.TryAddSingleton<GovPulseMetrics>();
        builder.Services.AddGovPulseApiKeys();
        builder.Services.AddRateLimiter(limits =>
        {
            limits.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limits.AddPolicy<string, KeyRateLimit>(KeyRateLimit.PolicyName);
        });
        builder.Services.AddSingleton<EventIngestor>();
        builder.Services.AddSingleton<IngestGate>();
        builder.Services.AddSingleton<EventIdClaims>();
        SlowedEventStore.InstallWhenConfigured(builder); // test-only, when GovPulse:Testing:StoreDelay is set
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(EventsApi.IngestPolicy, p => p
                .AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName)
                .RequireClaim(ApiKeyAuthenticationHandler.IngestClaim));
        return builder;
    }

    /// <summary>Simulated HCMC traffic, when <c>GovPulse:Simulator:Enabled</c>.</summary>
    public static IHostApplicationBuilder AddGovPulseSimulator(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SimulatorOptions>().BindConfiguration(SimulatorOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        if (builder.Configuration.GetValue<bool>($"{SimulatorOptions.Section}:Enabled"))
        {
            builder.Services.AddHostedService<SimulatorService>();
        }

        return builder;
    }
}
