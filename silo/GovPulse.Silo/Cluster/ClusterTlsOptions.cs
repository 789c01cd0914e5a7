namespace GovPulse.Silo.Cluster;

/// <summary>
/// Section <c>GovPulse:Orleans:Tls</c>: the certificate this node shows other silos and gateway clients,
/// and which of theirs it accepts. With no certificate file the node makes a throw-away one at start
/// and accepts no one else: right for one node, and nobody on the machine can talk to its silo port.
/// </summary>
public sealed class ClusterTlsOptions
{
    public const string Section = OrleansOptions.Section + ":Tls";

    /// <summary>The node's certificate with its private key: PKCS#12 (<c>.pfx</c>, <c>.p12</c>) or PEM.</summary>
    public string? CertificateFile { get; set; }

    /// <summary>The PEM private key, when <see cref="CertificateFile"/> is a PEM certificate without it.</summary>
    public string? CertificateKeyFile { get; set; }

    /// <summary>Password of the PKCS#12 file or the encrypted PEM key. Give it through the environment, never in a file.</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>
    /// Peer certificates accepted by fingerprint (SHA-256 or SHA-1, hex, colons allowed), besides this node's own.
    /// During a rotation it holds the other certificate.
    /// </summary>
    public string[] AllowedThumbprints { get; set; } = [];

    /// <summary>PEM file of the certificate authorities whose certificates are accepted (instead of, or besides, fingerprints).</summary>
    public string? CaFile { get; set; }

    public bool HasCertificate => !string.IsNullOrWhiteSpace(CertificateFile);
}
