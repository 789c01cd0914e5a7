using System.Net;

namespace GovPulse.Silo.Cluster;

/// <summary>Says at start which certificate guards the Orleans ports, and warns about set-ups that cannot work or soon will not.</summary>
public sealed partial class ClusterTlsReport(ClusterCredentials credentials, OrleansOptions options, TimeProvider time, ILogger<ClusterTlsReport> logger) : IHostedService
{
    /// <summary>How early an expiring certificate is announced: time to make, hand out and roll a new one.</summary>
    public static readonly TimeSpan ExpiryNotice = TimeSpan.FromDays(30);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        LogCertificate(options.ParseListenAddress(), options.SiloPort, options.GatewayPort, credentials.Describe());
        if (credentials.IsEphemeral && (options.GatewayPort != 0 || !IPAddress.IsLoopback(options.ParseListenAddress())))
        {
            LogNoSharedCertificate(ClusterTlsOptions.Section);
        }

        var left = credentials.Certificate.NotAfter.ToUniversalTime() - time.GetUtcNow().UtcDateTime;
        if (!credentials.IsEphemeral && left < ExpiryNotice)
        {
            LogExpiring(credentials.Certificate.NotAfter.ToUniversalTime(), ClusterTlsOptions.Section);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Orleans listens on {Address}, silo port {SiloPort}, gateway port {GatewayPort} (0: none), TLS with {Certificate}")]
    private partial void LogCertificate(IPAddress address, int siloPort, int gatewayPort, string certificate);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A gateway or a non-loopback silo address is set, but no certificate: no other node or client can connect. Set {Section}:CertificateFile (docs/operations.md)")]
    private partial void LogNoSharedCertificate(string section);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The cluster certificate expires on {NotAfter:yyyy-MM-dd}; after that nodes refuse each other. Roll a new one ({Section}, docs/operations.md)")]
    private partial void LogExpiring(DateTime notAfter, string section);
}
