using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Serialization.Cloning;

namespace GovPulse.Grains;

public static class GrainSerialization
{
    /// <summary>
    /// The pure domain (GovPulse.Indicators) carries no Orleans attributes, by design; its records
    /// cross silos as JSON, and within a silo as they are (<see cref="DomainRecordCopier"/>).
    /// </summary>
    public static ISerializerBuilder AddGovPulseDomainTypes(this ISerializerBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<IGeneralizedCopier, DomainRecordCopier>();
        return builder.AddJsonSerializer(isSerializable: IsDomainType, isCopyable: static _ => false, configureOptions: static _ => { });
    }

    /// <summary>Whether <paramref name="type"/> is one of the pure domain's (GovPulse.Indicators).</summary>
    public static bool IsDomainType(Type type) => type?.Namespace?.StartsWith("GovPulse.Indicators", StringComparison.Ordinal) == true;

    public static IServiceCollection AddGovPulseSerialization(this IServiceCollection services) =>
        services.AddSerializer(s => s.AddGovPulseDomainTypes());
}
