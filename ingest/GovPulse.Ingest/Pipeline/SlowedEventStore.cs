using GovPulse.Indicators.Events;
using GovPulse.Storage.ClickHouse;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace GovPulse.Ingest.Pipeline;

/// <summary>
/// TEST ONLY: the real event store with every <see cref="AppendAsync"/> made slower by a fixed
/// delay, so end-to-end tests can drive a real node into back-pressure (ClickHouse falling
/// behind) without a mock. Installed only when <c>GovPulse:Testing:StoreDelay</c> is set.
/// </summary>
public sealed class SlowedEventStore(IEventStore store, TimeSpan delay, TimeProvider time) : IEventStore
{
    public const string DelaySetting = "GovPulse:Testing:StoreDelay";

    /// <summary>Raised when an insert of events begins, before its delay: a test waits on it instead of guessing how long the work before it takes.</summary>
    public event Action<IReadOnlyList<LoggedEvent>>? Appending;

    public Task<IReadOnlyDictionary<string, UnitEvent>> FindStoredAsync(IReadOnlyCollection<string> eventIds, CancellationToken cancellationToken = default) =>
        store.FindStoredAsync(eventIds, cancellationToken);

    public async Task AppendAsync(IReadOnlyList<LoggedEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count > 0)
        {
            Appending?.Invoke(events);
            await Task.Delay(delay, time, cancellationToken); // nothing to insert is no round trip to ClickHouse
        }

        await store.AppendAsync(events, cancellationToken);
    }

    public IAsyncEnumerable<LoggedEvent> ReadUnitAsync(string unitCode, CancellationToken cancellationToken = default) =>
        store.ReadUnitAsync(unitCode, cancellationToken);

    public IAsyncEnumerable<UnitEvent> ReadUnitRangeAsync(string unitCode, DateTimeOffset occurredFrom, DateTimeOffset occurredUntil, CancellationToken cancellationToken = default) =>
        store.ReadUnitRangeAsync(unitCode, occurredFrom, occurredUntil, cancellationToken);

    public IAsyncEnumerable<LoggedEvent> ReadUnitTailAsync(string unitCode, long afterPosition, CancellationToken cancellationToken = default) =>
        store.ReadUnitTailAsync(unitCode, afterPosition, cancellationToken);

    public Task<LogCheck> CheckLogAsync(string unitCode, long afterPosition, CancellationToken cancellationToken = default) =>
        store.CheckLogAsync(unitCode, afterPosition, cancellationToken);

    public Task<long> CountEventsUpToAsync(string unitCode, long position, CancellationToken cancellationToken = default) =>
        store.CountEventsUpToAsync(unitCode, position, cancellationToken);

    public Task<bool> HoldsExactlyAsync(string unitCode, long position, long events, CancellationToken cancellationToken = default) =>
        store.HoldsExactlyAsync(unitCode, position, events, cancellationToken);

    public Task<IReadOnlyDictionary<string, LogRows>> CountRowsAroundAsync(IReadOnlyDictionary<string, long> positions, CancellationToken cancellationToken = default) =>
        store.CountRowsAroundAsync(positions, cancellationToken);

    public Task<IReadOnlyDictionary<string, IReadOnlyList<LoggedEvent>>> ReadTailsAsync(IReadOnlyDictionary<string, long> afterPositions, CancellationToken cancellationToken = default) =>
        store.ReadTailsAsync(afterPositions, cancellationToken);

    public Task<long> PositionAtAsync(string unitCode, DateTimeOffset asOf, CancellationToken cancellationToken = default) =>
        store.PositionAtAsync(unitCode, asOf, cancellationToken);

    public Task<IReadOnlyDictionary<string, long>> PositionsAtAsync(DateTimeOffset asOf, CancellationToken cancellationToken = default) =>
        store.PositionsAtAsync(asOf, cancellationToken);

    public Task<IReadOnlyDictionary<string, long>> LastPositionsAsync(CancellationToken cancellationToken = default) =>
        store.LastPositionsAsync(cancellationToken);

    public Task<IReadOnlySet<string>> UnitsWithReceiptsAsync(DateTimeOffset receivedFrom, DateTimeOffset receivedUntil, CancellationToken cancellationToken = default) =>
        store.UnitsWithReceiptsAsync(receivedFrom, receivedUntil, cancellationToken);

    public IAsyncEnumerable<UnitEvent> ReadKnownAtAsync(
        string unitCode, long upToPosition, DateTimeOffset asOf, DateTimeOffset receivedFrom, DateTimeOffset receivedUntil, CancellationToken cancellationToken = default) =>
        store.ReadKnownAtAsync(unitCode, upToPosition, asOf, receivedFrom, receivedUntil, cancellationToken);

    /// <summary>
    /// Wraps the registered <see cref="IEventStore"/> when <see cref="DelaySetting"/> is set (a
    /// <see cref="TimeSpan"/>, e.g. <c>00:00:02</c>); call after the storage is registered.
    /// </summary>
    public static void InstallWhenConfigured(IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var delay = builder.Configuration.GetValue<TimeSpan?>(DelaySetting);
        var registered = builder.Services.LastOrDefault(d => d.ServiceType == typeof(IEventStore));
        if (delay is not { } d || registered is null)
        {
            return;
        }

        builder.Services.Replace(ServiceDescriptor.Singleton<IEventStore>(sp =>
            new SlowedEventStore(Resolve(sp, registered), d, sp.GetRequiredService<TimeProvider>())));
    }

    private static IEventStore Resolve(IServiceProvider services, ServiceDescriptor registered) =>
        (IEventStore)(registered.ImplementationInstance
            ?? registered.ImplementationFactory?.Invoke(services)
            ?? ActivatorUtilities.CreateInstance(services, registered.ImplementationType!));
}
