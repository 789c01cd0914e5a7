namespace GovPulse.Notifications.Subscriptions;

/// <summary>The push subscriptions of every person, in ClickHouse (shared by every node). (Implemented in Push/.)</summary>
public interface IPushSubscriptionStore
{
    /// <summary>Stores a subscription; one with the same endpoint (the same browser) replaces the older.</summary>
    Task AddAsync(PushSubscriptionRecord subscription, CancellationToken cancellationToken = default);

    /// <summary>The subscriptions of <paramref name="username"/>, or of everyone when null.</summary>
    Task<IReadOnlyList<PushSubscriptionRecord>> ListAsync(string? username = null, CancellationToken cancellationToken = default);

    /// <summary>Removes one; with a <paramref name="username"/>, only if it is theirs. False when there was none to remove.</summary>
    Task<bool> RemoveAsync(string id, string? username = null, CancellationToken cancellationToken = default);
}
