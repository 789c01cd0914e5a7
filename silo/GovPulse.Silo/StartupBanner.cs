using GovPulse.Ingest.Security;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace GovPulse.Silo;

public static class StartupBanner
{
    /// <summary>Once the node listens: where the dashboard is, and the ingest key when this run made one.</summary>
    /// <remarks>
    /// The address is the one the server bound, so a node started with <c>--urls=http://127.0.0.1:0</c>
    /// names the port the system gave it. The end-to-end fixture (<c>NodeProcess</c>) and
    /// <c>bench/city-cold-start.sh</c> find the node by the <c>Dashboard: http://…/</c> line: keep its shape.
    /// </remarks>
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
