using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace GovPulse.Silo.Cluster;

/// <summary>
/// Which certificates belong to the cluster: this node's own, the configured fingerprints, and
/// those issued by the configured authorities. Everything else is a stranger.
/// </summary>
/// <remarks>
/// Host names play no part: nodes reach each other by IP and the cluster's identity is its
/// certificate, so the name check and the machine's trust store are replaced by this one.
/// </remarks>
public sealed class ClusterPeerPolicy
{
    private readonly HashSet<string> _fingerprints;
    private readonly X509Certificate2Collection _authorities;
    private readonly TimeProvider _time;

    public ClusterPeerPolicy(X509Certificate2 own, IEnumerable<string> fingerprints, X509Certificate2Collection authorities, TimeProvider time)
    {
        _fingerprints = new HashSet<string>(fingerprints.Select(Normalize), StringComparer.Ordinal)
        {
            own.GetCertHashString(HashAlgorithmName.SHA256),
        };
        foreach (var fingerprint in _fingerprints)
        {
            if (fingerprint.Length is not (40 or 64) || !fingerprint.All(char.IsAsciiHexDigit))
            {
                throw new InvalidOperationException($"{ClusterTlsOptions.Section}:AllowedThumbprints holds '{fingerprint}', which is not a SHA-256 or SHA-1 fingerprint in hex.");
            }
        }

        _authorities = authorities;
        _time = time;
    }

    /// <summary>Fingerprints accepted (upper-case hex), this node's own among them.</summary>
    public IReadOnlyCollection<string> Fingerprints => _fingerprints;

    public int AuthorityCount => _authorities.Count;

    /// <summary>The TLS validation callback (both directions): true only for a certificate of the cluster, in its validity period.</summary>
    public bool Accepts(X509Certificate2 peer, X509Chain? presented, SslPolicyErrors errors)
    {
        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            return false;
        }

        var now = _time.GetUtcNow().UtcDateTime;
        if (now < peer.NotBefore.ToUniversalTime() || now > peer.NotAfter.ToUniversalTime())
        {
            return false;
        }

        if (_fingerprints.Contains(peer.GetCertHashString(HashAlgorithmName.SHA256)) || _fingerprints.Contains(peer.GetCertHashString(HashAlgorithmName.SHA1)))
        {
            return true;
        }

        return _authorities.Count > 0 && IssuedByAuthority(peer, presented, now);
    }

    private bool IssuedByAuthority(X509Certificate2 peer, X509Chain? presented, DateTime now)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(_authorities);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = now;
        chain.ChainPolicy.VerificationTimeIgnored = false;
        if (presented is not null)
        {
            // Intermediates the peer sent along; the roots still come from CaFile only.
            foreach (var element in presented.ChainElements)
            {
                chain.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        return chain.Build(peer);
    }

    private static string Normalize(string fingerprint) =>
        new(fingerprint.Where(c => c is not (':' or ' ' or '-')).Select(char.ToUpperInvariant).ToArray());
}
