using GovPulse.Notifications.Notices;

namespace GovPulse.Notifications.Summaries;

/// <summary>What one run of an hour's summaries did: the push deliveries, and how many notices of each sort and webhook messages went out.</summary>
[GenerateSerializer, Immutable, Alias("govpulse.summary-report")]
public sealed record SummaryReport(
    [property: Id(0)] NoticeDelivery Push,
    [property: Id(1)] int Hourly,
    [property: Id(2)] int Digests,
    [property: Id(3)] int Daily,
    [property: Id(4)] int MorningLists,
    [property: Id(5)] int Webhooks)
{
    public static SummaryReport Empty { get; } = new(NoticeDelivery.None, 0, 0, 0, 0, 0);
}
