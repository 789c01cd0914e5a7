using GovPulse.Indicators.Periods;

namespace GovPulse.Notifications.Webhooks;

/// <summary>A webhook as listed: never its secret, its URL shortened to the origin (the path may hold a receiver's token).</summary>
/// <param name="Kinds">Wire names of the kinds it takes; empty = every kind.</param>
/// <param name="DisabledReason">Why nothing more is sent to it (410 Gone), or null when active.</param>
public sealed record WebhookView(string Id, string Url, IReadOnlyList<string> Kinds, string Description, DateTimeOffset CreatedAt, string? DisabledReason)
{
    public static WebhookView Of(Webhook webhook)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        return new(webhook.Id, WebhookUrl.Shortened(webhook.Url), webhook.Kinds, webhook.Description, VietnamTime.ToLocal(webhook.CreatedAt), webhook.DisabledReason);
    }
}
