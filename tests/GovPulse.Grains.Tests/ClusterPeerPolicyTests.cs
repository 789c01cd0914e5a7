using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using GovPulse.Grains.Tests.Cluster;
using GovPulse.Silo.Cluster;
using Microsoft.Extensions.Time.Testing;

namespace GovPulse.Grains.Tests;

/// <summary>Which certificates a node lets in: its own, the listed fingerprints, those of the configured authority; nothing else.</summary>
public sealed class ClusterPeerPolicyTests
{
    private const SslPolicyErrors SelfSigned = SslPolicyErrors.RemoteCertificateChainErrors | SslPolicyErrors.RemoteCertificateNameMismatch;
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);

    [Fact]
    public void A_node_alone_accepts_its_own_certificate_and_no_other()
    {
        var policy = new ClusterPeerPolicy(TestCertificates.Cluster, [], [], _time);

        policy.Accepts(TestCertificates.Cluster, null, SelfSigned).Should().BeTrue("host names and the machine's trust store play no part");
        policy.Accepts(TestCertificates.Stranger, null, SelfSigned).Should().BeFalse();
    }

    [Fact]
    public void A_listed_fingerprint_is_accepted_as_openssl_prints_it_or_as_a_sha1_thumbprint()
    {
        var sha256 = string.Join(':', Convert.ToHexString(SHA256.HashData(TestCertificates.Stranger.RawData)).Chunk(2).Select(c => new string(c))).ToLowerInvariant();
        var other = TestCertificates.SelfSigned("CN=another node");

        new ClusterPeerPolicy(TestCertificates.Cluster, [sha256], [], _time).Accepts(TestCertificates.Stranger, null, SelfSigned).Should().BeTrue();
        new ClusterPeerPolicy(TestCertificates.Cluster, [other.Thumbprint], [], _time).Accepts(other, null, SelfSigned).Should().BeTrue();
    }

    [Fact]
    public void A_certificate_outside_its_validity_period_is_refused_even_when_listed()
    {
        var policy = new ClusterPeerPolicy(TestCertificates.Cluster, [], [], _time);

        _time.Advance(TimeSpan.FromDays(31));

        policy.Accepts(TestCertificates.Cluster, null, SelfSigned).Should().BeFalse();
    }

    [Fact]
    public void Certificates_of_the_configured_authority_are_accepted_and_those_of_another_are_not()
    {
        var authority = TestCertificates.Authority("CN=city cluster CA");
        var elsewhere = TestCertificates.Authority("CN=someone else's CA");
        var node = TestCertificates.IssuedBy(authority, "CN=node 2");
        var policy = new ClusterPeerPolicy(TestCertificates.IssuedBy(authority, "CN=node 1"), [], [authority], _time);

        policy.Accepts(node, null, SslPolicyErrors.RemoteCertificateChainErrors).Should().BeTrue();
        policy.Accepts(TestCertificates.IssuedBy(elsewhere, "CN=node 2"), null, SslPolicyErrors.RemoteCertificateChainErrors).Should().BeFalse();
        policy.Accepts(TestCertificates.Stranger, null, SelfSigned).Should().BeFalse();
    }

    [Fact]
    public void A_missing_certificate_is_refused()
    {
        var policy = new ClusterPeerPolicy(TestCertificates.Cluster, [], [], _time);

        policy.Accepts(TestCertificates.Cluster, null, SslPolicyErrors.RemoteCertificateNotAvailable).Should().BeFalse();
    }

    [Fact]
    public void A_malformed_fingerprint_stops_the_node_at_start()
    {
        var make = () => new ClusterPeerPolicy(TestCertificates.Cluster, ["not-a-fingerprint"], [], _time);

        make.Should().Throw<InvalidOperationException>().WithMessage("*GovPulse:Orleans:Tls:AllowedThumbprints*");
    }
}
