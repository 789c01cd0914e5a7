using GovPulse.Storage.ClickHouse;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace GovPulse.Storage;

public static class StorageRegistration
{
    /// <summary>ClickHouse (embedded or server), its schema, and the event store.</summary>
    public static IHostApplicationBuilder AddGovPulseStorage(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<ClickHouseOptions>().BindConfiguration(ClickHouseOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<AuditLogOptions>().BindConfiguration(AuditLogOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ClickHouseDatabase>();
        builder.Services.AddSingleton<IEventStore, EventStore>();
        builder.Services.AddSingleton<IIndicatorHistoryStore, IndicatorHistoryStore>();
        builder.Services.AddSingleton<IUnitSnapshotStore, UnitSnapshotStore>();
        builder.Services.AddSingleton<ISealedMonthStore, SealedMonthStore>();
        builder.Services.AddSingleton<IQuarantineStore, QuarantineStore>();
        builder.Services.TryAddSingleton<IEventLogWriter>(sp => new GroupCommitEventLogWriter(sp.GetRequiredService<IEventStore>()));
        builder.Services.AddSingleton<IApiKeyStore, ApiKeyStore>();
        builder.Services.AddSingleton<IUserStore, UserStore>();
        builder.Services.AddSingleton<IAuditLog, AuditLog>();
        builder.Services.AddSingleton<IExportManifestStore, ExportManifestStore>();
        // Registered before the silo, so ClickHouse is up and migrated before grains activate.
        builder.Services.AddHostedService<ClickHouseStartup>();
        builder.Services.AddHostedService<AuditRetention>();
        return builder;
    }
}
