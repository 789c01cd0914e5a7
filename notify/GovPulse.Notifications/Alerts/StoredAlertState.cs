namespace GovPulse.Notifications.Alerts;

/// <summary>A rule's state for a unit as stored, with the version its next write must exceed.</summary>
public sealed record StoredAlertState(string RuleId, string UnitCode, AlertState State, ulong Version);
