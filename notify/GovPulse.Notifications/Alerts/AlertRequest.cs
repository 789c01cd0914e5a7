namespace GovPulse.Notifications.Alerts;

/// <summary>The body of <c>POST /api/v1/alerts</c>.</summary>
/// <param name="Kind"><c>bandDrop</c> | <c>onTimeBelow</c> | <c>overdueAbove</c> | <c>dossierOverdue</c>.</param>
/// <param name="UnitCode">The unit; omitted or null = every commune (figure kinds) or the person's own unit (dossierOverdue).</param>
/// <param name="Threshold">Percent 0–100 for onTimeBelow; a whole number ≥ 0 for overdueAbove; absent otherwise.</param>
public sealed record AlertRequest(string? Kind, string? UnitCode, decimal? Threshold);
