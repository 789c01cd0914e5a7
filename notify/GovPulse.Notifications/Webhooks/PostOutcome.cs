namespace GovPulse.Notifications.Webhooks;

/// <summary>What one POST to a webhook came to.</summary>
/// <param name="Problem">Why it failed, for the dead letters and logs: a status or a network error, never the receiver's body.</param>
/// <param name="RetryAfter">The receiver's <c>Retry-After</c>, when it sent one.</param>
public sealed record PostOutcome(PostResult Result, string Problem, TimeSpan? RetryAfter = null)
{
    public static PostOutcome Delivered { get; } = new(PostResult.Delivered, string.Empty);
}
