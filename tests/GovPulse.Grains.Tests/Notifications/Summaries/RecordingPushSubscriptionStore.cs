using System.Collections.Concurrent;
using GovPulse.Notifications.Subscriptions;

namespace GovPulse.Grains.Tests.Notifications.Summaries;

/// <summary>The subscription seam until PUSH's ClickHouse store is merged: the subscriptions a test adds, shared by both silos.</summary>
public sealed class RecordingPushSubscriptionStore : IPushSubscriptionStore
{
    private readonly ConcurrentDictionary<string, PushSubscriptionRecord> _byId = new(StringComparer.Ordinal);

    public Task AddAsync(PushSubscriptionRecord subscription, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        _byId[subscription.Id] = subscription;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<PushSubscriptionRecord>> ListAsync(string? username = null, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<PushSubscriptionRecord>>(_byId.Values.Where(s => username is null || s.Username == username).ToList());

    public Task<bool> RemoveAsync(string id, string? username = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(_byId.TryGetValue(id, out var s) && (username is null || s.Username == username) && _byId.TryRemove(id, out _));
}
