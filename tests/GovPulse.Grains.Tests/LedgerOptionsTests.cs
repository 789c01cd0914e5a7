using GovPulse.Indicators.Dossiers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace GovPulse.Grains.Tests;

/// <summary>The sealing and idle settings as a node binds them from its configuration.</summary>
public sealed class LedgerOptionsTests
{
    [Fact]
    public void Without_settings_a_unit_seals_a_week_after_the_month_or_ten_days_with_open_dossiers_folds_after_a_quiet_week_100_at_a_time_in_a_running_month_and_idles_out_after_half_an_hour()
    {
        using var services = Services([]);

        services.GetRequiredService<IOptions<LedgerOptions>>().Value.Policy.Should().Be(SealPolicy.Default)
            .And.Be(new SealPolicy(TimeSpan.FromDays(7), TimeSpan.FromDays(10), TimeSpan.FromDays(7), RunningFoldAt: 100));
        services.GetRequiredService<IOptions<GrainCollectionOptions>>().Value.ClassSpecificCollectionAge
            .Should().Contain(typeof(UnitGrain).FullName!, TimeSpan.FromMinutes(30));
    }

    [Fact]
    public void An_empty_seal_open_after_never_seals_a_month_with_open_dossiers_and_an_empty_running_fold_never_folds_a_running_month()
    {
        using var services = Services(new()
        {
            ["GovPulse:Ledger:SealAfter"] = "3.00:00:00",
            ["GovPulse:Ledger:SealOpenAfter"] = "",
            ["GovPulse:Ledger:QuietFor"] = "1.00:00:00",
            ["GovPulse:Ledger:RunningFoldAt"] = "",
            ["GovPulse:Units:IdleAfter"] = "00:05:00",
        });

        services.GetRequiredService<IOptions<LedgerOptions>>().Value.Policy.Should().Be(new SealPolicy(TimeSpan.FromDays(3), null, TimeSpan.FromDays(1), RunningFoldAt: null));
        services.GetRequiredService<IOptions<GrainCollectionOptions>>().Value.ClassSpecificCollectionAge[typeof(UnitGrain).FullName!]
            .Should().Be(TimeSpan.FromMinutes(5));
    }

    [Theory]
    [InlineData("GovPulse:Ledger:SealAfter", "-1.00:00:00")]
    [InlineData("GovPulse:Ledger:RunningFoldAt", "0")]
    public void A_negative_seal_delay_or_a_running_fold_of_nothing_is_refused(string key, string value)
    {
        using var services = Services(new() { [key] = value });

        var read = () => services.GetRequiredService<IOptions<LedgerOptions>>().Value;

        read.Should().Throw<OptionsValidationException>();
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddGovPulseDomain().BuildServiceProvider();
    }
}
