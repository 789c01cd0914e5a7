namespace GovPulse.Notifications.Alerts;

/// <summary>One alert a person set.</summary>
/// <param name="Id">"al_" and 16 hex digits.</param>
/// <param name="Owner">The username (lower case) the alert notifies.</param>
/// <param name="UnitCode">The unit watched; null (figure kinds only) = every commune.</param>
/// <param name="Threshold">Percent for <see cref="AlertKind.OnTimeBelow"/>, a count for <see cref="AlertKind.OverdueAbove"/>, else null.</param>
/// <param name="CreatedAt">When it was set, on the scoring clock (dossiers that were overdue before it are not announced).</param>
[GenerateSerializer, Immutable, Alias("govpulse.alert-rule")]
public sealed record AlertRule(
    [property: Id(0)] string Id,
    [property: Id(1)] string Owner,
    [property: Id(2)] AlertKind Kind,
    [property: Id(3)] string? UnitCode,
    [property: Id(4)] decimal? Threshold,
    [property: Id(5)] DateTimeOffset CreatedAt)
{
    public static string NewId() => "al_" + Guid.NewGuid().ToString("N")[..16];
}
