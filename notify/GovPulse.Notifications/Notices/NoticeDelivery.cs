namespace GovPulse.Notifications.Notices;

/// <summary>What became of one notice across a person's subscriptions.</summary>
/// <param name="Sent">Accepted by the push service.</param>
/// <param name="Held">Inside quiet hours: kept for the catch-up digest.</param>
/// <param name="Removed">The push service said the subscription is gone (404/410): removed.</param>
/// <param name="Failed">Still refused after the retries.</param>
[GenerateSerializer, Immutable, Alias("govpulse.notice-delivery")]
public sealed record NoticeDelivery(
    [property: Id(0)] int Sent,
    [property: Id(1)] int Held,
    [property: Id(2)] int Removed,
    [property: Id(3)] int Failed)
{
    public static NoticeDelivery None { get; } = new(0, 0, 0, 0);

    public NoticeDelivery Add(NoticeDelivery other) =>
        new(Sent + other.Sent, Held + other.Held, Removed + other.Removed, Failed + other.Failed);
}
