using GovPulse.Storage;
using GovPulse.Storage.ClickHouse;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GovPulse.Security.KeyRing;

public static class KeyRingRegistration
{
    /// <summary>
    /// Data Protection (the keys of session cookies and anti-forgery tokens) with one key ring for every
    /// node, kept in ClickHouse, each key encrypted there with the operator's key ring key: a cookie made
    /// by one node is read by all and survives restarts, and the database alone forges nothing.
    /// </summary>
    public static IServiceCollection AddGovPulseKeyRing(this IServiceCollection services)
    {
        services.AddOptions<SecretsOptions>().BindConfiguration(SecretsOptions.Section)
            .Validate(o => string.IsNullOrWhiteSpace(o.KeyRingKey) || string.IsNullOrWhiteSpace(o.KeyRingKeyFile),
                $"Set one of {SecretsOptions.Section}:KeyRingKey and {SecretsOptions.Section}:KeyRingKeyFile, not both")
            .ValidateOnStart();
        services.AddSingleton(sp => KeyRingKeys.Load(
            sp.GetRequiredService<IOptions<SecretsOptions>>().Value,
            sp.GetRequiredService<IOptions<StorageOptions>>().Value.DataDirectory,
            sp.GetRequiredService<ILogger<KeyRingKeys>>()));
        services.AddSingleton<KeyRingXmlEncryptor>();
        services.AddSingleton<IDataProtectionKeyStore, DataProtectionKeyStore>();
        services.AddSingleton<ClickHouseKeyRing>();
        services.AddDataProtection().SetApplicationName("GovPulse");
        services.AddOptions<KeyManagementOptions>().Configure<ClickHouseKeyRing, KeyRingXmlEncryptor>((o, ring, encryptor) =>
        {
            o.XmlRepository = ring;
            o.XmlEncryptor = encryptor;
        });
        return services;
    }
}
