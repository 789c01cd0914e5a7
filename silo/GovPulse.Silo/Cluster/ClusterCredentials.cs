using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace GovPulse.Silo.Cluster;

/// <summary>What a node shows on its silo and gateway connections, and whom it lets in.</summary>
public sealed class ClusterCredentials
{
    public ClusterCredentials(X509Certificate2 certificate, ClusterPeerPolicy peers, bool isEphemeral)
    {
        Certificate = certificate;
        Peers = peers;
        IsEphemeral = isEphemeral;
    }

    public X509Certificate2 Certificate { get; }

    public ClusterPeerPolicy Peers { get; }

    /// <summary>True when no certificate is configured and this run made its own (one node, no gateway client can connect).</summary>
    public bool IsEphemeral { get; }

    /// <summary>The configured certificate and peers, or a certificate of this run that admits only itself.</summary>
    public static ClusterCredentials FromOptions(ClusterTlsOptions options, TimeProvider time)
    {
        var ephemeral = !options.HasCertificate;
        var certificate = ephemeral ? NodeCertificate.CreateEphemeral(time) : NodeCertificate.Load(options);
        return new ClusterCredentials(certificate, new ClusterPeerPolicy(certificate, options.AllowedThumbprints, LoadAuthorities(options.CaFile), time), ephemeral);
    }

    /// <summary>A node that shares <paramref name="certificate"/> with the rest of its cluster (and accepts only that one).</summary>
    public static ClusterCredentials Shared(X509Certificate2 certificate, TimeProvider time) =>
        new(certificate, new ClusterPeerPolicy(certificate, [], [], time), isEphemeral: false);

    /// <summary>One line for the log: no secret in it, enough to check which certificate a node runs with.</summary>
    public string Describe() => IsEphemeral
        ? "a certificate made for this run (no other process can join or call this silo)"
        : $"certificate {Certificate.GetCertHashString(HashAlgorithmName.SHA256)} valid until {Certificate.NotAfter.ToUniversalTime():yyyy-MM-dd}, "
          + $"accepting {Peers.Fingerprints.Count} fingerprint(s) and {Peers.AuthorityCount} authority(ies)";

    private static X509Certificate2Collection LoadAuthorities(string? caFile)
    {
        var authorities = new X509Certificate2Collection();
        if (string.IsNullOrWhiteSpace(caFile))
        {
            return authorities;
        }

        if (!File.Exists(caFile))
        {
            throw new FileNotFoundException($"{ClusterTlsOptions.Section}:CaFile names '{caFile}', which does not exist.", caFile);
        }

        authorities.ImportFromPemFile(caFile);
        return authorities.Count > 0
            ? authorities
            : throw new InvalidOperationException($"{ClusterTlsOptions.Section}:CaFile '{caFile}' holds no PEM certificate.");
    }
}
