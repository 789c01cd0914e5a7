using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using GovPulse.EndToEnd.Tests.Fixtures;

namespace GovPulse.EndToEnd.Tests;

/// <summary>
/// The node's Orleans ports as another process on the same machine finds them: the silo port on
/// loopback only, no gateway unless asked for, and nothing but TLS with a certificate of the
/// cluster gets an answer (a silo greets a peer it accepted with its preamble at once).
/// </summary>
public sealed class OrleansPortsTests : IAsyncLifetime
{
    private const string Password = "orleans-ports-test";
    private readonly string _dataDirectory = TempDirectory.NewPath("orleans-ports");
    private readonly string _certificateDirectory = TempDirectory.NewPath("orleans-ports-cert");
    private readonly X509Certificate2 _cluster = SelfSigned("CN=e2e cluster");
    private readonly X509Certificate2 _stranger = SelfSigned("CN=e2e stranger");

    public Task InitializeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_default_node_listens_on_loopback_only_and_opens_no_gateway()
    {
        await using var node = await NodeProcess.StartAsync(_dataDirectory, NodeFixture.ApiKey);

        var listening = ListeningSockets.Of(node.ProcessId);

        listening.Select(e => e.Port).Should().Contain([node.SiloPort, node.BaseAddress.Port], "the probe sees the node's own sockets");
        listening.Should().OnlyContain(e => IPAddress.IsLoopback(e.Address), "no other machine can reach any port of a default node");
        listening.Select(e => e.Port).Should().NotContain(30000, "no gateway: the web side talks to its silo in-process");
    }

    [Fact]
    public async Task A_default_node_answers_no_one_on_its_silo_port()
    {
        await using var node = await NodeProcess.StartAsync(_dataDirectory, NodeFixture.ApiKey);

        (await PlainGreeting(node.SiloPort)).Should().Be(0, "plain TCP gets no Orleans preamble");
        (await TlsGreeting(node.SiloPort, null)).Should().Be(0, "TLS without a certificate is refused");
        (await TlsGreeting(node.SiloPort, _stranger)).Should().Be(0, "a certificate the node did not make is refused");
    }

    [Fact]
    public async Task A_node_with_a_configured_certificate_admits_its_holders_only_and_the_dashboard_still_works()
    {
        Directory.CreateDirectory(_certificateDirectory);
        var file = Path.Combine(_certificateDirectory, "cluster.pfx");
        await File.WriteAllBytesAsync(file, _cluster.Export(X509ContentType.Pkcs12, Password));
        var gatewayPort = NodeProcess.FreePort();
        await using var node = await NodeProcess.StartAsync(_dataDirectory, NodeFixture.ApiKey,
            $"--GovPulse:Orleans:Tls:CertificateFile={file}",
            $"--GovPulse:Orleans:Tls:CertificatePassword={Password}",
            $"--GovPulse:Orleans:GatewayPort={gatewayPort}",
            "--GovPulse:Operations:OrleansDashboard=true");

        var listening = ListeningSockets.Of(node.ProcessId);
        using var admin = node.CreateClient(NodeFixture.ApiKey);
        using var anonymous = node.CreateClient();
        var counters = await admin.GetAsync(new Uri("/admin/orleans/DashboardCounters", UriKind.Relative));
        var page = await admin.GetAsync(new Uri("/admin/orleans/", UriKind.Relative));
        var refused = await anonymous.GetAsync(new Uri("/admin/orleans/", UriKind.Relative));

        (await TlsGreeting(node.SiloPort, _cluster)).Should().BeGreaterThan(0, "a holder of the cluster's certificate is greeted as a peer");
        (await TlsGreeting(node.SiloPort, _stranger)).Should().Be(0);
        (await TlsGreeting(node.SiloPort, null)).Should().Be(0);
        (await PlainGreeting(node.SiloPort)).Should().Be(0);
        listening.Should().Contain(new IPEndPoint(IPAddress.Loopback, gatewayPort), "a gateway opens when asked for, on loopback too");
        listening.Should().OnlyContain(e => IPAddress.IsLoopback(e.Address));
        node.Output.Should().NotContain(Password);
        counters.StatusCode.Should().Be(HttpStatusCode.OK, "the Orleans dashboard works in-process, without a gateway client");
        page.StatusCode.Should().Be(HttpStatusCode.OK);
        refused.StatusCode.Should().Be(HttpStatusCode.Unauthorized, "the Orleans dashboard is behind the admin role");
    }

    /// <summary>Bytes the silo sends first on a plain connection (it speaks only after a TLS handshake).</summary>
    private static async Task<int> PlainGreeting(int port)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(new byte[64]);
        return await ReadSome(stream);
    }

    /// <summary>Bytes the silo sends after a TLS handshake with <paramref name="certificate"/> (or none); 0 when it refuses.</summary>
    private static async Task<int> TlsGreeting(int port, X509Certificate2? certificate)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, port);
        await using var tls = new SslStream(tcp.GetStream(), leaveInnerStreamOpen: false);
        try
        {
            await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
            {
                TargetHost = "govpulse-node",
                // The stranger trusts whatever the node shows: only the node's own check can keep it out.
                RemoteCertificateValidationCallback = (_, shown, _, _) => shown is not null,
                LocalCertificateSelectionCallback = (_, _, _, _, _) => certificate!,
                EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
            });
        }
        catch (Exception ex) when (ex is AuthenticationException or IOException)
        {
            return 0; // refused during the handshake (TLS 1.2 checks the client's certificate there)
        }

        return await ReadSome(tls);
    }

    /// <summary>A silo that accepted the connection writes its preamble at once; a refusing one closes it.</summary>
    private static async Task<int> ReadSome(Stream stream)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            return await stream.ReadAsync(new byte[256], limit.Token);
        }
        catch (Exception ex) when (ex is AuthenticationException or IOException)
        {
            return 0; // TLS 1.3: the refusal comes as an alert on the first read
        }
    }

    private static X509Certificate2 SelfSigned(string subject)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], false));
        using var made = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(7));
        return X509CertificateLoader.LoadPkcs12(made.Export(X509ContentType.Pkcs12), null);
    }

    public Task DisposeAsync()
    {
        _cluster.Dispose();
        _stranger.Dispose();
        TempDirectory.DeleteQuietly(_dataDirectory, _certificateDirectory);
        return Task.CompletedTask;
    }
}
