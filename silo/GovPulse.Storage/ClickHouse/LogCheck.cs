namespace GovPulse.Storage.ClickHouse;

/// <summary>What a unit's log holds, as its writer checks before it saves a snapshot.</summary>
/// <param name="LastPosition">The highest position stored for the unit (0 when none).</param>
/// <param name="EventsAfter">Distinct event ids stored after the position the check was asked about.</param>
public readonly record struct LogCheck(long LastPosition, long EventsAfter);
