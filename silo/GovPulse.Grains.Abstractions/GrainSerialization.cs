using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace GovPulse.Grains;

public static class GrainSerialization
{
    /// <summary>
    /// The pure domain (GovPulse.Indicators) carries no Orleans attributes, by design; its
    /// records cross grain calls as JSON.
    /// </summary>
    public static ISerializerBuilder AddGovPulseDomainTypes(this ISerializerBuilder builder) =>
        builder.AddJsonSerializer(isSupported: type => type.Namespace?.StartsWith("GovPulse.Indicators", StringComparison.Ordinal) == true);

    public static IServiceCollection AddGovPulseSerialization(this IServiceCollection services) =>
        services.AddSerializer(s => s.AddGovPulseDomainTypes());
}
