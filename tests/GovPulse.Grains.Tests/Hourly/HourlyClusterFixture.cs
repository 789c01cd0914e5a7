using System.Globalization;
using GovPulse.Grains.Hourly;
using GovPulse.Grains.Tests.Fixtures;
using GovPulse.Storage.ClickHouse;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace GovPulse.Grains.Tests.Hourly;

/// <summary>
/// Two silos ("nodes") over the embedded ClickHouse, in a database of their own, with the scoring
/// clock held at <see cref="Now"/> so hours and lateness are fixed, and <see cref="Gate"/> in front
/// of the hour's insert on both nodes.
/// </summary>
public sealed class HourlyClusterFixture : UnitClusterFixture
{
    /// <summary>20 seconds past the top of 10:00 on 23 November 2026, local time.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 20, TimeSpan.FromHours(7));

    public HourlyClusterFixture()
    {
        Clock = new ScoringClock(Time);
    }

    public FakeTimeProvider Time { get; } = new(Now);

    /// <summary>Holds or fails the nodes' inserts of an hour; idle unless a test arms it.</summary>
    public HourStoreGate Gate { get; } = new();

    /// <summary>What an activation of an hour's grain runs, as node <paramref name="node"/> has it.</summary>
    public HourlyPublishing PublishingOf(int node) => Cluster.Silos[node].ServiceProvider.GetRequiredService<HourlyPublishing>();

    /// <summary>A node's own view of the cluster, as its hourly job has it.</summary>
    public IGrainFactory GrainsOf(int node) => Cluster.Silos[node].ServiceProvider.GetRequiredService<IGrainFactory>();

    public IIndicatorHistoryStore HistoryOf(int node) => Cluster.Silos[node].ServiceProvider.GetRequiredService<IIndicatorHistoryStore>();

    /// <summary>A node's hourly round; <paramref name="clock"/> says when its hour is over (default: the nodes' scoring clock), <paramref name="time"/> paces its retries (default: real time).</summary>
    public HourlyRound RoundOf(int node, ScoringClock? clock = null, TimeProvider? time = null) => new(
        GrainsOf(node),
        HistoryOf(node),
        clock ?? Clock,
        time ?? TimeProvider.System,
        Cluster.Silos[node].ServiceProvider.GetRequiredService<GovPulseMetrics>(),
        NullLogger<HourlyRound>.Instance);

    /// <summary>Rows physically in the table for the hour (before any merge): a second write would show here.</summary>
    public async Task<ulong> RowsAt(DateTimeOffset hour, int node = 0)
    {
        var client = await Cluster.Silos[node].ServiceProvider.GetRequiredService<ClickHouseDatabase>().GetClientAsync();
        var sql = $"SELECT count() FROM indicator_snapshots WHERE hour = toDateTime({hour.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)})";
        return Convert.ToUInt64(await client.ExecuteScalarAsync(sql), CultureInfo.InvariantCulture);
    }

    public IReadOnlyList<HourlySummary> MessagesFor(DateTimeOffset hour) => Publisher.Hourly.Where(s => s.Hour == hour).ToList();

    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddSingleton<IIndicatorHistoryStore>(sp => new GatedHistoryStore(new IndicatorHistoryStore(sp.GetRequiredService<ClickHouseDatabase>()), Gate));
}
