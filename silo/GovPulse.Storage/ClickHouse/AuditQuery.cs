namespace GovPulse.Storage.ClickHouse;

/// <summary>Which audit entries to read: those at or after <paramref name="From"/> and before <paramref name="To"/> (either open), of one user (null: everyone), at most <paramref name="Limit"/>, newest first.</summary>
/// <param name="User">A username, or an API key as <c>key:&lt;id&gt;</c> (its name need not be given).</param>
public sealed record AuditQuery(DateTimeOffset? From, DateTimeOffset? To, string? User, int Limit);
