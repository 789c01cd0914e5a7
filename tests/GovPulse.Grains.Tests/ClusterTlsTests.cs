using System.Net;
using System.Net.Sockets;
using GovPulse.Grains.Tests.Cluster;
using GovPulse.Silo.Cluster;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Connections.Security;

namespace GovPulse.Grains.Tests;

/// <summary>
/// The node's cluster TLS on a real two-silo cluster over TCP on 127.0.0.1: silos holding the
/// cluster's certificate form one cluster and call each other; a client or silo without it gets nowhere.
/// </summary>
public sealed class ClusterTlsTests(TlsClusterFixture fixture) : IClassFixture<TlsClusterFixture>
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Two_silos_with_the_cluster_certificate_form_one_cluster_and_call_each_other()
    {
        var management = fixture.Cluster.Client.GetGrain<IManagementGrain>(0);

        var hosts = await management.GetHosts(onlyActive: true);
        // Each silo answers for itself, so the call reaches both through silo-to-silo connections.
        var statistics = await management.GetRuntimeStatistics([.. hosts.Keys]);

        hosts.Should().HaveCount(2);
        statistics.Should().HaveCount(2);
    }

    [Fact]
    public async Task A_client_with_the_cluster_certificate_calls_grains_through_the_gateway()
    {
        var refused = new RefusedConnections(1);
        using var client = Client(builder => builder.UseClusterTls(ClusterTlsConfigurator.Credentials), refused);

        await client.StartAsync().WaitAsync(Limit);
        var hosts = await client.Services.GetRequiredService<IClusterClient>().GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);

        hosts.Should().HaveCount(2);
        refused.All.IsCompleted.Should().BeFalse("no gateway dropped this client's connection");
        await client.StopAsync();
    }

    [Fact]
    public async Task A_client_with_another_certificate_is_refused_by_every_gateway()
    {
        // It trusts whatever the silo shows: only the silo's check keeps it out.
        await ShouldBeRefused(builder => builder.UseTls(TestCertificates.Stranger, tls =>
        {
            tls.ClientCertificateMode = RemoteCertificateMode.RequireCertificate;
            tls.AllowAnyRemoteCertificate();
        }));
    }

    [Fact]
    public async Task A_client_without_TLS_is_refused_by_every_gateway()
    {
        await ShouldBeRefused(_ => { });
    }

    [Fact]
    public async Task A_silo_with_the_cluster_certificate_joins()
    {
        using var silo = Silo(builder => builder.UseClusterTls(ClusterTlsConfigurator.Credentials), FreePort());

        await silo.StartAsync().WaitAsync(Limit);
        var hosts = await fixture.Cluster.Client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
        await silo.StopAsync();

        hosts.Should().HaveCount(3, "the fixture's two silos and this one were active together");
    }

    [Fact]
    public async Task A_silo_with_another_certificate_cannot_join()
    {
        var port = FreePort();
        using var intruder = Silo(builder => builder.UseTls(TestCertificates.Stranger, tls =>
        {
            tls.ClientCertificateMode = RemoteCertificateMode.RequireCertificate;
            tls.AllowAnyRemoteCertificate();
        }), port);

        var start = () => intruder.StartAsync().WaitAsync(Limit);

        // It gives up after its (shortened) join time; the cluster never lists it.
        (await start.Should().ThrowAsync<Exception>()).Which.Should().NotBeOfType<TimeoutException>();
        var hosts = await fixture.Cluster.Client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: false);
        hosts.Keys.Should().NotContain(silo => silo.Endpoint.Port == port, "not even as a silo that tried and died");
    }

    /// <summary>Every gateway drops the client's connections, and the client never starts (it keeps trying until stopped).</summary>
    private async Task ShouldBeRefused(Action<IClientBuilder> tls)
    {
        var refused = new RefusedConnections(fixture.Gateways.Length);
        using var client = Client(tls, refused);

        var start = client.StartAsync();
        var first = await Task.WhenAny(refused.All, start).WaitAsync(Limit);

        first.Should().BeSameAs(refused.All, "both gateways close the connection before the client gets in");
        start.IsCompletedSuccessfully.Should().BeFalse();
    }

    /// <summary>An Orleans client as any process on the machine could build one, pointed at the cluster's gateways.</summary>
    private IHost Client(Action<IClientBuilder> tls, RefusedConnections refused)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.AddProvider(refused);
        builder.UseOrleansClient(client =>
        {
            client.UseStaticClustering(fixture.Gateways);
            client.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = fixture.Cluster.Options.ClusterId;
                o.ServiceId = fixture.Cluster.Options.ServiceId;
            });
            client.Services.AddGovPulseSerialization();
            tls(client);
        });
        return builder.Build();
    }

    /// <summary>A silo that knows the cluster's id and where its primary silo is, with the TLS it is given.</summary>
    private IHost Silo(Action<ISiloBuilder> tls, int port)
    {
        var primary = fixture.Cluster.Primary!.SiloAddress.Endpoint;
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.UseOrleans(silo =>
        {
            silo.UseDevelopmentClustering(primary);
            silo.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = fixture.Cluster.Options.ClusterId;
                o.ServiceId = fixture.Cluster.Options.ServiceId;
            });
            silo.Configure<EndpointOptions>(o =>
            {
                o.AdvertisedIPAddress = IPAddress.Loopback;
                o.SiloPort = port;
                o.GatewayPort = 0;
            });
            // Give up soon: the default keeps trying to join for five minutes.
            silo.Configure<ClusterMembershipOptions>(o => o.MaxJoinAttemptTime = TimeSpan.FromSeconds(10));
            silo.Services.AddGovPulseSerialization();
            tls(silo);
        });
        return builder.Build();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
