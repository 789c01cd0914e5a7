using System.Net;
using Orleans.Configuration;
using Orleans.Dashboard;
using GovPulse.Grains;
using GovPulse.Indicators.Units;
using GovPulse.Silo.Cluster;
using static GovPulse.Silo.Operations.OperationsRegistration;
using GovPulse.Storage.Logging;

namespace GovPulse.Silo;

public static class SiloRegistration
{
    /// <summary>
    /// The Orleans silo co-hosted in this process. Localhost clustering by default (one node): the
    /// silo port on loopback, no gateway, TLS with mutual certificates on every Orleans connection.
    /// </summary>
    public static WebApplicationBuilder AddGovPulseSilo(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(OrleansOptions.Section).Get<OrleansOptions>() ?? new OrleansOptions();
        var listen = options.ParseListenAddress();
        var advertised = options.ParseAdvertisedAddress();
        var credentials = ClusterCredentials.FromOptions(options.Tls, TimeProvider.System);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(credentials);
        builder.Services.AddSingleton(LoadDirectory(builder.Configuration[UnitDirectoryFile.Setting]));
        builder.Services.AddHostedService<ClusterTlsReport>();
        // Before the silo's own hosted service, so the read is under way before any grain can activate
        // (units wait for it; the preload it fills is registered with the domain).
        builder.Services.AddSingleton<UnitStartPreloading>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<UnitStartPreloading>());
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort, serviceId: "govpulse", clusterId: options.ClusterId);
            silo.Configure<EndpointOptions>(endpoints =>
            {
                endpoints.AdvertisedIPAddress = advertised;
                endpoints.SiloListeningEndpoint = new IPEndPoint(listen, options.SiloPort);
                // Port 0: Orleans opens no gateway (EndpointOptions.GatewayPort).
                endpoints.GatewayListeningEndpoint = options.GatewayPort == 0 ? null : new IPEndPoint(listen, options.GatewayPort);
            });
            silo.UseClusterTls(credentials);
            // Orleans sizes each directory cache for a million grains up front (two arrays of 9.3 MB in a
            // heap dump); the nation has ~3,500 unit, province and city grains, and people's few.
            silo.Configure<GrainDirectoryOptions>(directory => directory.CacheSize = DirectoryCacheSize);
            silo.Services.AddGovPulseSerialization();
            silo.Services.AddGovPulseDomain();
            if (OrleansDashboardEnabled(builder.Configuration))
            {
                silo.AddDashboard(_ => { });
            }

            // Grains publish through the live feed, which reaches the viewers of every node.
            silo.Services.AddSingleton<IScorecardPublisher, FeedScorecardPublisher>();
        });
        return builder;
    }

    /// <summary>
    /// Begins what the start waits for longest, the embedded engine's boot and the read-ahead of every
    /// unit's start, as soon as the services are built: the engine (native code) and its queries then
    /// run on the other core while the endpoints are mapped, the hosted services made and the silo
    /// started. <c>ClickHouseStartup</c> still waits for the engine, so a failing engine fails the
    /// start; units activating before the read ends wait for it (<see cref="UnitStartPreloading"/>).
    /// </summary>
    /// <remarks>The stop signals are handled from before the engine starts (<see cref="StopSignals"/>).</remarks>
    public static WebApplication BeginUnitStarts(this WebApplication app)
    {
        StopSignals.StopGracefully(app.Lifetime);
        _ = app.Services.GetRequiredService<UnitStartPreloading>().Begin();
        return app;
    }

    /// <summary>
    /// The units (GovPulse:Directory:File, else the built-in city), loaded now so that a bad file
    /// stops the node before it serves anything, with the file, line and field named and no stack
    /// trace burying them.
    /// </summary>
    private static UnitDirectory LoadDirectory(string? path)
    {
        try
        {
            return UnitDirectoryFile.LoadOrBuiltIn(path);
        }
        catch (DirectoryFormatException ex)
        {
            // The message quotes the file's own text (a path, a code): escaped, so a line of it cannot forge output.
            Console.Error.WriteLine($"GovPulse cannot start: {LogText.Escape(ex.Message)}");
            Environment.Exit(ExitCodeBadDirectory);
            throw; // not reached: Exit does not return
        }
    }

    /// <summary>How many grains' locations a silo caches (Orleans' default: 1,000,000).</summary>
    public const int DirectoryCacheSize = 100_000;

    /// <summary>The node's exit code when its unit directory file is missing or invalid.</summary>
    public const int ExitCodeBadDirectory = 3;
}
