namespace GovPulse.Notifications.Alerts;

/// <summary>A rule firing for a unit (the API's <c>firing</c> items).</summary>
/// <param name="Dossiers">Dossier rules: how many dossiers are announced and still overdue; null for figure kinds.</param>
public sealed record AlertFiring(string RuleId, string UnitCode, DateTimeOffset Since, int? Dossiers);
