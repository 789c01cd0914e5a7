using GovPulse.Security.Keys;
using GovPulse.Security.ApiReference;
using GovPulse.Security.Users;
using GovPulse.Storage;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace GovPulse.Silo;

public static class StartupBanner
{
    /// <summary>Once the node listens: where the dashboard is, the ingest key when this run made one, and the demo users when on.</summary>
    /// <remarks>
    /// The address is the one the server bound, so a node started with <c>--urls=http://127.0.0.1:0</c>
    /// names the port the system gave it. The end-to-end fixture (<c>NodeProcess</c>) and
    /// <c>bench/city-cold-start.sh</c> find the node by the <c>Dashboard: http://…/</c> line: keep its shape.
    /// Secrets made in this run are shown only on a terminal; when the output goes anywhere else (a
    /// journal, a file, a log collector) they go to <see cref="FirstRunSecrets"/> and the banner names the file.
    /// </remarks>
    public static WebApplication PrintBannerOnStart(this WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var url = addresses.FirstOrDefault() ?? "(no address)";
            var keys = app.Services.GetRequiredService<ApiKeys>();
            var accounts = app.Services.GetRequiredService<DemoUsers>().Created;
            // What the banner shows instead of a secret when the output is not a terminal; null: the secrets themselves.
            var hidden = Console.IsOutputRedirected ? HideSecrets(app, keys, accounts) : null;
            Console.WriteLine();
            Console.WriteLine($"  GovPulse is running. Dashboard: {url}/");
            Console.WriteLine($"  API: {url}/api/v1/units   Health: {url}/health/ready");
            Console.WriteLine($"  API reference: {url}{ApiReference.ReferencePath}" + (app.Environment.IsDevelopment() ? string.Empty : " (admins only)"));
            if (keys.IsGenerated)
            {
                Console.WriteLine(hidden is null
                    ? $"  Ingest key for this run (X-Api-Key): {keys.BootstrapKey}"
                    : $"  Ingest key for this run (X-Api-Key): {hidden} (not shown: the output is not a terminal)");
                Console.WriteLine("  (set GovPulse__Ingest__BootstrapKey to choose your own)");
            }

            PrintDemoUsers(accounts, hidden);
            Console.WriteLine();
        });
        return app;
    }

    /// <summary>Writes the secrets made in this run to the secrets file and says where they are ("in …"), or why they are nowhere.</summary>
    private static string HideSecrets(WebApplication app, ApiKeys keys, IReadOnlyList<DemoAccount> accounts)
    {
        var started = app.Services.GetRequiredService<TimeProvider>().GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        var secrets = new List<FirstRunSecret>();
        if (keys.IsGenerated)
        {
            secrets.Add(new FirstRunSecret(FirstRunSecrets.IngestKey, keys.BootstrapKey,
                $"Ingest key (X-Api-Key, admin) of the run started {started}, valid while that run lasts; set GovPulse__Ingest__BootstrapKey to choose one"));
        }

        foreach (var account in accounts.Where(a => a.Password is not null))
        {
            secrets.Add(new FirstRunSecret(FirstRunSecrets.DemoPasswordPrefix + account.Username, account.Password!,
                $"Password of demo user {account.Username} ({Role(account)}), made {started}"));
        }

        if (secrets.Count == 0)
        {
            return "in the secrets file";
        }

        var dataDirectory = app.Services.GetRequiredService<IOptions<StorageOptions>>().Value.DataDirectory;
        try
        {
            return "in " + FirstRunSecrets.Write(dataDirectory, secrets, app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(FirstRunSecrets)));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The banner still says where the node is; the secrets stay unshown rather than go to the output.
            return $"nowhere: {FirstRunSecrets.FileName} could not be written ({ex.GetType().Name})";
        }
    }

    /// <summary>The demo users (GovPulse:Auth:DemoUsers): a password made in this run is shown here once, or named in the secrets file.</summary>
    private static void PrintDemoUsers(IReadOnlyList<DemoAccount> accounts, string? hidden)
    {
        if (accounts.Count == 0)
        {
            return;
        }

        Console.WriteLine("  Demo users, one per role (sign in on the dashboard):");
        foreach (var account in accounts)
        {
            var password = account.Password is { } made
                ? $"password: {hidden ?? made}"
                : account.Configured ? "password: GovPulse__Auth__DemoPassword" : "password: as shown when it was made";
            Console.WriteLine($"    {account.Username,-12} {Role(account),-30} {password}");
        }

        if (accounts.Any(a => a.Password is not null))
        {
            Console.WriteLine(hidden is null
                ? "  (passwords made for this run are shown only now; set GovPulse__Auth__DemoPassword to choose one)"
                : "  (passwords made for this run are not shown anywhere else; set GovPulse__Auth__DemoPassword to choose one)");
        }
        else if (!accounts.Any(a => a.Configured))
        {
            Console.WriteLine("  (forgot them? set GovPulse__Auth__DemoPassword to give every demo user one you choose)");
        }
    }

    private static string Role(DemoAccount account) => account.UnitCode is null ? account.Role : $"{account.Role} of {account.UnitCode}";
}
