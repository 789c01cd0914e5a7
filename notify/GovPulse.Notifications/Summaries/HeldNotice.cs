using GovPulse.Notifications.Notices;

namespace GovPulse.Notifications.Summaries;

/// <summary>A notice kept for a subscription's catch-up digest (its title is all the digest shows of it).</summary>
public sealed record HeldNotice(string SubscriptionId, string NoticeId, string Username, NoticeKind Kind, NoticeText Title, DateTimeOffset CreatedAt);
