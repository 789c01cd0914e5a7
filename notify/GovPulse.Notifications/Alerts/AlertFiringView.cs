namespace GovPulse.Notifications.Alerts;

/// <summary>Where a rule is firing: the unit, since when (Vietnam time), and for dossier rules how many dossiers.</summary>
public sealed record AlertFiringView(string UnitCode, DateTimeOffset Since, int? Dossiers);
