using System.Net;
using Orleans.TestingHost;

namespace GovPulse.Grains.Tests.Cluster;

/// <summary>Two silos and a client over real TCP on 127.0.0.1, every connection under the node's cluster TLS.</summary>
public sealed class TlsClusterFixture : IAsyncLifetime
{
    public TestCluster Cluster { get; private set; } = null!;

    /// <summary>Where the silos take external clients.</summary>
    public IPEndPoint[] Gateways => Cluster.Silos.Select(s => s.GatewayAddress.Endpoint).ToArray();

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(2);
        builder.Options.ConnectionTransport = ConnectionTransportType.TcpSocket;
        builder.AddSiloBuilderConfigurator<ClusterTlsConfigurator>();
        builder.AddClientBuilderConfigurator<ClusterTlsConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }
}
