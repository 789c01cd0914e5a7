using GovPulse.Ingest.Security;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace GovPulse.Silo;

public static class StartupBanner
{
    /// <summary>Once the node listens: where the dashboard is, and the ingest key when this run made one.</summary>
    public static WebApplication PrintBannerOnStart(this WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var keys = app.Services.GetRequiredService<ApiKeys>();
            var url = addresses.FirstOrDefault() ?? "(no address)";
            Console.WriteLine();
            Console.WriteLine($"  GovPulse is running. Dashboard: {url}/");
            Console.WriteLine($"  API: {url}/api/v1/units   Health: {url}/health/ready");
            if (keys.IsGenerated)
            {
                Console.WriteLine($"  Ingest key for this run (X-Api-Key): {keys.BootstrapKey}");
                Console.WriteLine("  (set GovPulse__Ingest__BootstrapKey to choose your own)");
            }

            Console.WriteLine();
        });
        return app;
    }
}
