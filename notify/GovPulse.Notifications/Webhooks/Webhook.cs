using GovPulse.Notifications.Notices;

namespace GovPulse.Notifications.Webhooks;

/// <summary>A registered webhook, as stored (table <c>webhooks</c>, migration 0022).</summary>
/// <param name="Kinds">Wire names of the notice kinds it takes; empty = every kind.</param>
/// <param name="ProtectedSecret">The signing secret encrypted with Data Protection (<see cref="WebhookSecrets"/>).</param>
/// <param name="DisabledReason">Why GovPulse stopped delivering to it (the receiver answered 410 Gone), or null.</param>
/// <param name="Version">Counts its changes: 1 when created.</param>
public sealed record Webhook(
    string Id,
    Uri Url,
    IReadOnlyList<string> Kinds,
    string Description,
    string ProtectedSecret,
    DateTimeOffset CreatedAt,
    string? DisabledReason,
    bool Removed,
    DateTimeOffset ChangedAt,
    uint Version)
{
    public bool IsActive => !Removed && DisabledReason is null;

    public bool Takes(NoticeKind kind) => Kinds.Count == 0 || Kinds.Contains(WebhookKinds.Name(kind), StringComparer.Ordinal);

    /// <summary>Scheme, host and port only: what logs and lists show, since a path or query may hold a receiver's token.</summary>
    public string Origin => Url.GetLeftPart(UriPartial.Authority);
}
