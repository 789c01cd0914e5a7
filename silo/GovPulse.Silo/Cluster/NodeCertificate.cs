using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace GovPulse.Silo.Cluster;

/// <summary>The certificate a node presents on its silo and gateway connections.</summary>
public static class NodeCertificate
{
    private const string ServerAuthentication = "1.3.6.1.5.5.7.3.1";
    private const string ClientAuthentication = "1.3.6.1.5.5.7.3.2";

    /// <summary>Reads the configured certificate; the errors name the setting, never the password.</summary>
    public static X509Certificate2 Load(ClusterTlsOptions options)
    {
        var file = options.CertificateFile ?? throw new InvalidOperationException($"{ClusterTlsOptions.Section}:CertificateFile is not set.");
        if (!File.Exists(file))
        {
            throw new FileNotFoundException($"{ClusterTlsOptions.Section}:CertificateFile names '{file}', which does not exist.", file);
        }

        X509Certificate2 certificate;
        try
        {
            certificate = IsPkcs12(file)
                ? X509CertificateLoader.LoadPkcs12FromFile(file, options.CertificatePassword, X509KeyStorageFlags.EphemeralKeySet)
                : LoadPem(file, options.CertificateKeyFile, options.CertificatePassword);
        }
        catch (CryptographicException ex)
        {
            throw new InvalidOperationException(
                $"{ClusterTlsOptions.Section}:CertificateFile '{file}' could not be read (wrong password, or not a certificate with its key): {ex.Message}", ex);
        }

        if (!certificate.HasPrivateKey)
        {
            certificate.Dispose();
            throw new InvalidOperationException($"{ClusterTlsOptions.Section}:CertificateFile '{file}' has no private key; the node needs it to prove itself.");
        }

        return certificate;
    }

    /// <summary>
    /// A self-signed certificate made in memory for this run only, fit for both ends of a TLS
    /// connection. No file, no other process holds it: a node using it talks to no one but itself.
    /// </summary>
    public static X509Certificate2 CreateEphemeral(TimeProvider time, string subject = "CN=GovPulse node (this run only)")
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(ServerAuthentication), new Oid(ClientAuthentication)], false));
        var now = time.GetUtcNow();
        using var made = request.CreateSelfSigned(now.AddMinutes(-5), now.AddYears(10));

        // Through PKCS#12 so the key is usable by SslStream on every platform (an ephemeral key is not on Windows).
        return X509CertificateLoader.LoadPkcs12(made.Export(X509ContentType.Pkcs12), null, X509KeyStorageFlags.EphemeralKeySet);
    }

    private static bool IsPkcs12(string file) =>
        Path.GetExtension(file).ToUpperInvariant() is ".PFX" or ".P12";

    private static X509Certificate2 LoadPem(string file, string? keyFile, string? password)
    {
        using var pem = string.IsNullOrEmpty(password)
            ? X509Certificate2.CreateFromPemFile(file, keyFile)
            : X509Certificate2.CreateFromEncryptedPemFile(file, password, keyFile);
        return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null, X509KeyStorageFlags.EphemeralKeySet);
    }
}
