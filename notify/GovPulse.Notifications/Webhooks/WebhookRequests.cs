namespace GovPulse.Notifications.Webhooks;

/// <summary>A webhook to register: the receiver's URL, the notice kinds it takes (none = every kind), what it is for.</summary>
public sealed record NewWebhookRequest(string? Url, IReadOnlyList<string?>? Kinds, string? Description);
