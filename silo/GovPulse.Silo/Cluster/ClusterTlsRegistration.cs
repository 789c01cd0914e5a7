using Orleans.Connections.Security;

namespace GovPulse.Silo.Cluster;

/// <summary>
/// TLS on every Orleans connection with a certificate at both ends: silo to silo, and client to
/// gateway. A process without a certificate of the cluster can neither join nor call a grain.
/// </summary>
public static class ClusterTlsRegistration
{
    public static ISiloBuilder UseClusterTls(this ISiloBuilder silo, ClusterCredentials credentials) =>
        silo.UseTls(credentials.Certificate, tls => Require(tls, credentials));

    /// <summary>For an Orleans client of the gateway (a gateway must be opened with GovPulse:Orleans:GatewayPort).</summary>
    public static IClientBuilder UseClusterTls(this IClientBuilder client, ClusterCredentials credentials) =>
        client.UseTls(credentials.Certificate, tls => Require(tls, credentials));

    private static void Require(TlsOptions tls, ClusterCredentials credentials)
    {
        // Both sides prove themselves: the listener demands a certificate, the caller must have one.
        tls.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
        tls.ClientCertificateMode = RemoteCertificateMode.RequireCertificate;
        tls.RemoteCertificateValidation = credentials.Peers.Accepts;
    }
}
