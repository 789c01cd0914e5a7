using System.Net;
using GovPulse.Silo.Cluster;

namespace GovPulse.Silo;

/// <summary>Section <c>GovPulse:Orleans</c>: where this node's silo listens and how it proves itself to other nodes.</summary>
public sealed class OrleansOptions
{
    public const string Section = "GovPulse:Orleans";

    /// <summary>Silo-to-silo port. Always open (Orleans needs it), TLS with mutual certificates.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>
    /// Port for external Orleans clients; 0 (the default) opens none. Nothing in the product needs one:
    /// the web side of this process talks to its silo in-process.
    /// </summary>
    public int GatewayPort { get; set; }

    public string ClusterId { get; set; } = "govpulse-local";

    /// <summary>Address the silo (and gateway) bind to. Loopback by default, so no other machine can even reach them.</summary>
    public string ListenAddress { get; set; } = "127.0.0.1";

    /// <summary>Address other silos reach this one at; by default the listen address (required when that is 0.0.0.0 or ::).</summary>
    public string? AdvertisedAddress { get; set; }

    /// <summary>Section <c>GovPulse:Orleans:Tls</c>.</summary>
    public ClusterTlsOptions Tls { get; set; } = new();

    public IPAddress ParseListenAddress() =>
        IPAddress.TryParse(ListenAddress, out var address)
            ? address
            : throw new InvalidOperationException($"{Section}:ListenAddress must be an IP address (such as 127.0.0.1).");

    public IPAddress ParseAdvertisedAddress()
    {
        if (!string.IsNullOrWhiteSpace(AdvertisedAddress))
        {
            return IPAddress.TryParse(AdvertisedAddress, out var advertised) && !IsAnyAddress(advertised)
                ? advertised
                : throw new InvalidOperationException($"{Section}:AdvertisedAddress must be one IP address of this machine.");
        }

        var listen = ParseListenAddress();
        return IsAnyAddress(listen)
            ? throw new InvalidOperationException($"{Section}:ListenAddress {listen} is every interface: set {Section}:AdvertisedAddress to the address other nodes reach this one at.")
            : listen;
    }

    private static bool IsAnyAddress(IPAddress address) => address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any);
}
