namespace GovPulse.Notifications.Notices;

/// <summary>
/// One message GovPulse sends to a person (Web Push) or to the webhooks, in both languages: each
/// push subscription shows it in its own language; webhooks receive both.
/// </summary>
/// <param name="Id">Stable for what it says (e.g. <c>hourly/2026-12-06T09/lanhdao</c>), so a resend is recognisable.</param>
/// <param name="Url">The dashboard view it opens, relative to the site (e.g. <c>/#/units/26737</c>).</param>
/// <param name="Topic">RFC 8030 topic (≤ 32 characters of the URL-safe base64 alphabet): a newer message with the same topic replaces an unread older one.</param>
/// <param name="TimeToLive">How long a push service keeps it for a phone that is off.</param>
/// <param name="UnitCode">The unit it is about, when it is about one (a department head's messages always are).</param>
/// <param name="DataJson">Structured content for webhooks (a JSON object as text), or null.</param>
[GenerateSerializer, Immutable, Alias("govpulse.notice")]
public sealed record Notice(
    [property: Id(0)] string Id,
    [property: Id(1)] NoticeKind Kind,
    [property: Id(2)] NoticeText Title,
    [property: Id(3)] NoticeText Body,
    [property: Id(4)] string Url,
    [property: Id(5)] string Topic,
    [property: Id(6)] NoticeUrgency Urgency,
    [property: Id(7)] TimeSpan TimeToLive,
    [property: Id(8)] DateTimeOffset CreatedAt,
    [property: Id(9)] string? UnitCode = null,
    [property: Id(10)] string? DataJson = null);
