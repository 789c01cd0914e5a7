namespace GovPulse.Notifications.Webhooks;

/// <summary>A registered webhook with its signing secret: the only time the secret is shown.</summary>
public sealed record NewWebhook(string Id, string Url, IReadOnlyList<string> Kinds, string Description, DateTimeOffset CreatedAt, string Secret);
