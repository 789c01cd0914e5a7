using Orleans.Dashboard;
using GovPulse.Grains;

namespace GovPulse.Silo;

public static class SiloRegistration
{
    /// <summary>The Orleans silo co-hosted in this process. Localhost clustering by default (one node).</summary>
    public static WebApplicationBuilder AddGovPulseSilo(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(OrleansOptions.Section).Get<OrleansOptions>() ?? new OrleansOptions();
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort, serviceId: "govpulse", clusterId: options.ClusterId);
            silo.Services.AddGovPulseSerialization();
            silo.Services.AddGovPulseDomain();
            silo.AddDashboard(_ => { });
            // Grains publish through the live feed, which reaches the viewers of every node.
            silo.Services.AddSingleton<IScorecardPublisher, FeedScorecardPublisher>();
        });
        return builder;
    }
}
