using GovPulse.Indicators.Calendar;
using GovPulse.Indicators.Catalog;
using GovPulse.Indicators.Scoring;
using GovPulse.Indicators.Units;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace GovPulse.Grains;

public static class DomainRegistration
{
    /// <summary>The units, calendar, procedure catalogue, bands and scoring clock the grains judge by (and what the hour grains run).</summary>
    public static IServiceCollection AddGovPulseDomain(this IServiceCollection services)
    {
        services.AddOptions<ScoringOptions>().BindConfiguration(ScoringOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SnapshotOptions>().BindConfiguration(SnapshotOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<CityOptions>().BindConfiguration(CityOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<LedgerOptions>().BindConfiguration(LedgerOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<UnitOptions>().BindConfiguration(UnitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        // Idle unit grains leave memory after GovPulse:Units:IdleAfter (Orleans' default is two hours for every grain).
        services.AddOptions<GrainCollectionOptions>().Configure<IOptions<UnitOptions>>((collection, units) =>
            collection.ClassSpecificCollectionAge[typeof(UnitGrain).FullName!] = units.Value.IdleAfter);
        services.TryAddSingleton(UnitDirectory.HoChiMinhCity);
        services.TryAddSingleton(ScoringClock.System);
        services.TryAddSingleton(UnitApplyProbe.None);
        services.TryAddSingleton<CatalogTallies>();
        services.TryAddSingleton(typeof(GrainsByKey<>)); // grain references made once (GetGrain reflects on every call)
        services.TryAddSingleton<Ledger.UnitStartPreload>(); // empty unless the host reads ahead (UnitStartPreloading)
        services.AddMetrics();
        services.TryAddSingleton<GovPulseMetrics>();
        services.TryAddSingleton<Hourly.HourlyPublishing>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new KnownAt.KnownAtCache<KnownAt.KnownAtLedger>(KnownAt.KnownAtGrain.LedgersKept, sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new KnownAt.KnownAtCache<KnownAtFigures>(KnownAt.KnownAtGrain.FiguresKept, sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<ScoringOptions>>().Value;
            return new BandThresholds(o.Excellent, o.Good, o.Fair, o.Average);
        });
        services.TryAddSingleton(sp =>
        {
            var file = sp.GetRequiredService<IOptions<ScoringOptions>>().Value.CalendarFile;
            return string.IsNullOrWhiteSpace(file)
                ? WorkingDayCalendar.Vietnam
                : WorkingDayCalendar.Vietnam.With(WorkingDayCalendar.Parse(ReadSetting(file, "GovPulse:Scoring:CalendarFile")));
        });
        services.TryAddSingleton(sp =>
        {
            var file = sp.GetRequiredService<IOptions<ScoringOptions>>().Value.CatalogFile;
            if (string.IsNullOrWhiteSpace(file))
            {
                return ProcedureCatalog.Reference;
            }

            var text = ReadSetting(file, "GovPulse:Scoring:CatalogFile");
            return file.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
                ? ProcedureCatalogReader.ReadJson(text, file)
                : ProcedureCatalogReader.ReadCsv(text, file);
        });
        return services;
    }

    private static string ReadSetting(string path, string setting) =>
        File.Exists(path)
            ? File.ReadAllText(path)
            : throw new FileNotFoundException($"{setting} names '{path}', which does not exist; fix the path or remove the setting.", path);
}
