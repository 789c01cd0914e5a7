using GovPulse.Storage.ClickHouse;

namespace GovPulse.Grains.Tests.Hourly;

/// <summary>The node's real history store with <see cref="HourStoreGate"/> in front of its inserts.</summary>
public sealed class GatedHistoryStore(IIndicatorHistoryStore store, HourStoreGate gate) : IIndicatorHistoryStore
{
    public async Task<HourPublication> StoreAsync(Guid publicationId, IReadOnlyList<IndicatorSnapshot> snapshots, CancellationToken cancellationToken = default)
    {
        var failAfter = await gate.PassAsync();
        var stored = await store.StoreAsync(publicationId, snapshots, cancellationToken);
        return failAfter ? throw new IOException("the insert landed but its answer was lost (test seam)") : stored;
    }

    public Task<HourPublication?> FindPublicationAsync(DateTimeOffset hour, CancellationToken cancellationToken = default) =>
        store.FindPublicationAsync(hour, cancellationToken);

    public Task<IReadOnlySet<DateTimeOffset>> PublishedHoursAsync(DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken = default) =>
        store.PublishedHoursAsync(since, until, cancellationToken);

    public Task<DateTimeOffset?> LastPublishedHourAsync(
        DateTimeOffset before, DateTimeOffset? notBefore = null, string? period = null, CancellationToken cancellationToken = default)
    {
        gate.LookedUpLastHour();
        return store.LastPublishedHourAsync(before, notBefore, period, cancellationToken);
    }

    public Task<IReadOnlyDictionary<string, decimal>> TotalsAtAsync(DateTimeOffset hour, CancellationToken cancellationToken = default) =>
        store.TotalsAtAsync(hour, cancellationToken);

    public Task<IReadOnlyList<IndicatorSnapshot>> ReadHourAsync(DateTimeOffset hour, CancellationToken cancellationToken = default) =>
        store.ReadHourAsync(hour, cancellationToken);

    public Task<IReadOnlyList<HistoryEntry>> ReadUnitAsync(
        string unitCode, DateTimeOffset since, DateTimeOffset until, HistoryBucket bucket, int limit, CancellationToken cancellationToken = default) =>
        store.ReadUnitAsync(unitCode, since, until, bucket, limit, cancellationToken);
}
