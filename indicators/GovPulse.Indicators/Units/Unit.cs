namespace GovPulse.Indicators.Units;

/// <summary>An administrative unit that receives dossiers and is scored.</summary>
/// <param name="Code">Official code: "79" for the city, the 5-digit code of a commune, a stable slug for a department.</param>
/// <param name="Name">Full Vietnamese name, e.g. "Phường Tân Định".</param>
/// <param name="Kind">Level of the unit.</param>
/// <param name="ParentCode">The unit it pools into; null for the city.</param>
public sealed record Unit(string Code, string Name, UnitKind Kind, string? ParentCode);
