using GovPulse.Grains.Tests.Fixtures;
using GovPulse.Indicators.Scoring;
using GovPulse.Indicators.Units;
using GovPulse.Notifications.Push;
using GovPulse.Notifications.Subscriptions;
using GovPulse.Notifications.Summaries;
using GovPulse.Notifications.Webhooks;
using GovPulse.Storage.ClickHouse;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;

namespace GovPulse.Grains.Tests.Notifications.Summaries;

/// <summary>
/// Two silos over the embedded ClickHouse with the summaries registered as the node registers them,
/// the scoring clock on a <see cref="FakeTimeProvider"/>, and recording stand-ins for the push
/// sender, the subscription store and the webhook outbox (other areas of issue 14), shared by both silos.
/// </summary>
public sealed class SummariesClusterFixture : UnitClusterFixture
{
    public SummariesClusterFixture()
    {
        Clock = new ScoringClock(Time);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.FromHours(7)));

    public RecordingPushSender Sender { get; } = new();

    public RecordingPushSubscriptionStore Subscriptions { get; } = new();

    public RecordingWebhookOutbox Webhooks { get; } = new();

    public IServiceProvider Services(int node) => Cluster.Silos[node].ServiceProvider;

    /// <summary>Stores the hour as if published: the city and the given units, each with a score and band.</summary>
    public async Task PublishHourAsync(DateTimeOffset hour, params (string Code, decimal Total, string Band)[] units)
    {
        var directory = UnitDirectory.HoChiMinhCity;
        var period = hour.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        var snapshots = units
            .Select(u => new IndicatorSnapshot(
                hour,
                new Scorecard(u.Code, directory.Find(u.Code)!.Name, period, hour, new ScorecardCounts(10, 5), u.Total, u.Band),
                hour.AddSeconds(20),
                false))
            .ToList();
        await Services(0).GetRequiredService<IIndicatorHistoryStore>().StoreAsync(Guid.NewGuid(), snapshots);
    }

    public async Task AddUserAsync(string username, string role, string? unitCode, bool disabled = false)
    {
        var at = Time.GetUtcNow();
        (await Services(0).GetRequiredService<IUserStore>().AddAsync(new StoredUser(username, username, role, unitCode, "not-a-hash", disabled, at, at)))
            .Should().BeTrue();
    }

    /// <param name="createdAt">When the person subscribed; 1 January 2026 unless given.</param>
    public async Task<PushSubscriptionRecord> SubscribeAsync(string username, DeliverySchedule schedule, QuietHours quiet, string language = "vi", DateTimeOffset? createdAt = null)
    {
        var subscription = new PushSubscriptionRecord(
            $"{username}-{schedule}-{Guid.NewGuid():N}", username, $"https://push.example/{Guid.NewGuid():N}", "p256dh", "auth", null, schedule, quiet, language,
            createdAt ?? new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.FromHours(7)));
        await Subscriptions.AddAsync(subscription);
        return subscription;
    }

    /// <summary>Publishes <paramref name="hour"/> with the city at <paramref name="cityTotal"/> (and <paramref name="unit"/>, when given) and runs its summaries at 20 seconds past it.</summary>
    public async Task<SummaryReport> RunHourAsync(DateTimeOffset hour, decimal cityTotal, string? unit = null)
    {
        var units = new List<(string, decimal, string)> { (UnitDirectory.HoChiMinhCityCode, cityTotal, "Khá") };
        if (unit is not null)
        {
            units.Add((unit, 50m, "Yếu"));
        }

        await PublishHourAsync(hour, [.. units]);
        Time.SetUtcNow(hour.AddSeconds(20));
        return await Cluster.Client.GetGrain<ISummaryHourGrain>(PublicationHour.Key(hour)).Deliver();
    }

    public async Task ApplyAsync(string unit, params Indicators.Events.UnitEvent[] events) =>
        await Cluster.Client.GetGrain<IUnitGrain>(unit).Apply([.. events]);

    protected override void ConfigureSilo(InProcessTestSiloSpecificOptions silo, IHostApplicationBuilder host)
    {
        host.AddGovPulseSummaries();
        host.Services.AddSingleton<IPushSender>(Sender);
        host.Services.AddSingleton<IPushSubscriptionStore>(Subscriptions);
        host.Services.AddSingleton<IWebhookOutbox>(Webhooks);
    }
}
