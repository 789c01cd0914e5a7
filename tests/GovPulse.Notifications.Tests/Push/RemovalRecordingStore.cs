using System.Collections.Concurrent;
using GovPulse.Notifications.Subscriptions;

namespace GovPulse.Notifications.Tests.Push;

/// <summary>
/// The store as the sender sees it, for the sender's tests: it only records which subscriptions the
/// sender removed (the ClickHouse store itself runs in the node's tests, PushDeliveryTests).
/// </summary>
public sealed class RemovalRecordingStore : IPushSubscriptionStore
{
    public ConcurrentQueue<string> Removed { get; } = new();

    public Task AddAsync(PushSubscriptionRecord subscription, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task<IReadOnlyList<PushSubscriptionRecord>> ListAsync(string? username = null, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<PushSubscriptionRecord>>([]);

    public Task<bool> RemoveAsync(string id, string? username = null, CancellationToken cancellationToken = default)
    {
        Removed.Enqueue(id);
        return Task.FromResult(true);
    }
}
