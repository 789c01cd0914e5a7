namespace GovPulse.Cli.Node;

/// <summary>POST /api/v1/admin/webhooks: the receiver's URL, the notice kinds it takes (none = every kind), what it is for.</summary>
public sealed record WebhookRequest(string Url, IReadOnlyList<string> Kinds, string? Description);

/// <summary>The node's answer to a new webhook: the only time it shows the signing secret.</summary>
public sealed record CreatedWebhook(string Id, string Url, IReadOnlyList<string>? Kinds, string? Description, DateTimeOffset? CreatedAt, string Secret);

/// <summary>A webhook as the node lists it: its URL shortened to the origin, never the secret.</summary>
public sealed record WebhookRow(string Id, string Url, IReadOnlyList<string>? Kinds, string? Description, DateTimeOffset? CreatedAt, string? DisabledReason);
