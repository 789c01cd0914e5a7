using GovPulse.Indicators.Units;

namespace GovPulse.Notifications.Summaries;

/// <summary>A unit's headline figures at one published hour.</summary>
/// <param name="Total">Null when the unit has no score (no dossiers in the period).</param>
/// <param name="Band">The band's Vietnamese name; null with no score.</param>
public sealed record UnitStanding(string UnitCode, string Name, UnitKind Kind, decimal? Total, string? Band);
