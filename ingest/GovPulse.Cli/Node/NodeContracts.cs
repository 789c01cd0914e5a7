using System.Text.Json.Serialization;

namespace GovPulse.Cli.Node;

/// <summary>The answer to <c>POST /api/v1/events</c> (api-v1 §2).</summary>
public sealed record IngestAnswer(int Accepted, int Duplicates, IReadOnlyList<RejectedLine> Rejected);

/// <summary>One rejected line of a batch; <see cref="Line"/> is the line of the batch, not of the source file.</summary>
public sealed record RejectedLine(int Line, string? EventId, string Error);

/// <summary>An item of <c>GET /api/v1/units</c>.</summary>
public sealed record UnitRow(string Code, string Name, string Kind, string? ParentCode);

/// <summary>The body of <c>POST /api/v1/admin/replay</c>: the events of [From, To), or every stored event when <see cref="Rebuild"/> (no range then).</summary>
public sealed record ReplayRequest(
    string UnitCode,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? From,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? To,
    bool Rebuild);

/// <summary>The answer to <c>POST /api/v1/admin/replay</c>.</summary>
public sealed record ReplayAnswer(string UnitCode, long Events, long Changed, bool Rebuilt);

/// <summary>The body of <c>POST /api/v1/admin/keys</c>: no units (an empty list) means every unit.</summary>
public sealed record KeyRequest(string Name, IReadOnlyList<string> Units, int? RatePerMinute);

/// <summary>The answer to <c>POST /api/v1/admin/keys</c>: the only time the key itself is shown.</summary>
public sealed record CreatedKey(string Id, string Name, IReadOnlyList<string>? Units, int? RatePerMinute, DateTimeOffset? CreatedAt, string Key);

/// <summary>An item of <c>GET /api/v1/admin/keys</c>.</summary>
public sealed record KeyRow(string Id, string Name, IReadOnlyList<string>? Units, int? RatePerMinute, DateTimeOffset? CreatedAt, DateTimeOffset? RevokedAt);

/// <summary>POST /api/v1/admin/users body (docs/api.md).</summary>
public sealed record UserRequest(string Username, string DisplayName, string Role, string? UnitCode, string Password);

/// <summary>A user as the node shows it: never a password or its hash.</summary>
public sealed record UserRow(string Username, string DisplayName, string Role, string? UnitCode, bool Disabled, DateTimeOffset? CreatedAt, DateTimeOffset? ChangedAt);

/// <summary>GET /api/v1/admin/push/keys: the VAPID public key, when it was made, and where it is kept (file or configuration).</summary>
public sealed record PushKeysRow(string PublicKey, DateTimeOffset? CreatedAt, string? Source);
