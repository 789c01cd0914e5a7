using GovPulse.Silo.Cluster;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace GovPulse.Grains.Tests.Cluster;

/// <summary>Puts the node's cluster TLS (and the grains' serialization), with the shared test certificate, on every silo and on the cluster's client.</summary>
public sealed class ClusterTlsConfigurator : ISiloConfigurator, IClientBuilderConfigurator
{
    public static ClusterCredentials Credentials { get; } = ClusterCredentials.Shared(TestCertificates.Cluster, TimeProvider.System);

    public void Configure(ISiloBuilder siloBuilder)
    {
        siloBuilder.UseClusterTls(Credentials);
        siloBuilder.Services.AddGovPulseSerialization();
    }

    public void Configure(IConfiguration configuration, IClientBuilder clientBuilder)
    {
        clientBuilder.UseClusterTls(Credentials);
        clientBuilder.Services.AddGovPulseSerialization();
    }
}
