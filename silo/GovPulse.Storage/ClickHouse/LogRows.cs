namespace GovPulse.Storage.ClickHouse;

/// <summary>How many rows a unit's log holds on either side of a position (an event stored twice counts twice until its copies merge).</summary>
/// <param name="UpTo">Rows at or below the position.</param>
/// <param name="After">Rows above it.</param>
public readonly record struct LogRows(long UpTo, long After);
