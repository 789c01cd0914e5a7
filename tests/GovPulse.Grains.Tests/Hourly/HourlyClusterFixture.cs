using System.Globalization;
using GovPulse.Grains.Hourly;
using GovPulse.Grains.Tests.Fixtures;
using GovPulse.Storage;
using GovPulse.Storage.ClickHouse;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;

namespace GovPulse.Grains.Tests.Hourly;

/// <summary>
/// Two silos ("nodes") over the embedded ClickHouse, in a database of their own, with the scoring
/// clock held at <see cref="Now"/> so hours and lateness are fixed.
/// </summary>
public sealed class HourlyClusterFixture : IAsyncLifetime
{
    /// <summary>20 seconds past the top of 10:00 on 23 November 2026, local time.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 20, TimeSpan.FromHours(7));

    public string Database { get; } = "hourly_" + Guid.NewGuid().ToString("N")[..12];

    public RecordingPublisher Publisher { get; } = new();

    public FakeTimeProvider Time { get; } = new(Now);

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var clock = new ScoringClock(Time);
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSiloHost((_, host) =>
        {
            host.Configuration["GovPulse:DataDirectory"] = UnitClusterFixture.DataDirectory;
            host.Configuration["GovPulse:ClickHouse:Database"] = Database;
            host.AddGovPulseStorage();
            host.Services.AddSingleton<IScorecardPublisher>(Publisher);
            host.Services.AddSingleton(clock);
            host.Services.AddGovPulseDomain();
            host.Services.AddGovPulseSerialization();
        });
        builder.ConfigureClient(client => client.Services.AddGovPulseSerialization());
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }

    /// <summary>A node's own view of the cluster, as its hourly job has it.</summary>
    public IGrainFactory GrainsOf(int node) => Cluster.Silos[node].ServiceProvider.GetRequiredService<IGrainFactory>();

    public IIndicatorHistoryStore HistoryOf(int node) => Cluster.Silos[node].ServiceProvider.GetRequiredService<IIndicatorHistoryStore>();

    public HourlyRound RoundOf(int node) => new(GrainsOf(node), HistoryOf(node), NullLogger<HourlyRound>.Instance);

    /// <summary>Rows physically in the table for the hour (before any merge): a second write would show here.</summary>
    public async Task<ulong> RowsAt(DateTimeOffset hour, int node = 0)
    {
        var client = await Cluster.Silos[node].ServiceProvider.GetRequiredService<ClickHouseDatabase>().GetClientAsync();
        var sql = $"SELECT count() FROM indicator_snapshots WHERE hour = toDateTime({hour.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)})";
        return Convert.ToUInt64(await client.ExecuteScalarAsync(sql), CultureInfo.InvariantCulture);
    }

    public IReadOnlyList<HourlySummary> MessagesFor(DateTimeOffset hour) => Publisher.Hourly.Where(s => s.Hour == hour).ToList();
}
