using GovPulse.Security.Keys;
using GovPulse.Security.ApiReference;
using GovPulse.Security.Users;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace GovPulse.Silo;

public static class StartupBanner
{
    /// <summary>Once the node listens: where the dashboard is, the ingest key when this run made one, and the demo users when on.</summary>
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
            Console.WriteLine($"  API reference: {url}{ApiReference.ReferencePath}" + (app.Environment.IsDevelopment() ? string.Empty : " (admins only)"));
            if (keys.IsGenerated)
            {
                Console.WriteLine($"  Ingest key for this run (X-Api-Key): {keys.BootstrapKey}");
                Console.WriteLine("  (set GovPulse__Ingest__BootstrapKey to choose your own)");
            }

            PrintDemoUsers(app.Services.GetRequiredService<DemoUsers>().Created);
            Console.WriteLine();
        });
        return app;
    }

    /// <summary>The demo users (GovPulse:Auth:DemoUsers): a password made in this run is shown here, once.</summary>
    private static void PrintDemoUsers(IReadOnlyList<DemoAccount> accounts)
    {
        if (accounts.Count == 0)
        {
            return;
        }

        Console.WriteLine("  Demo users, one per role (sign in on the dashboard):");
        foreach (var account in accounts)
        {
            var role = account.UnitCode is null ? account.Role : $"{account.Role} of {account.UnitCode}";
            var password = account.Password is { } made
                ? $"password: {made}"
                : account.Configured ? "password: GovPulse__Auth__DemoPassword" : "password: as printed when it was made";
            Console.WriteLine($"    {account.Username,-12} {role,-30} {password}");
        }

        if (accounts.Any(a => a.Password is not null))
        {
            Console.WriteLine("  (passwords made for this run are shown only now; set GovPulse__Auth__DemoPassword to choose one)");
        }
        else if (!accounts.Any(a => a.Configured))
        {
            Console.WriteLine("  (forgot them? set GovPulse__Auth__DemoPassword to give every demo user one you choose)");
        }
    }
}
