using GovPulse.Indicators.Events;

namespace GovPulse.Storage.ClickHouse;

/// <summary>
/// An event at its position in its unit's log. Positions are numbered 1, 2, 3… per unit by the
/// unit grain, the unit's single writer; events stored before positions existed are at 0.
/// </summary>
public readonly record struct LoggedEvent(long Position, UnitEvent Event)
{
    /// <summary>The events numbered in order after <paramref name="position"/>: position + 1, position + 2, …</summary>
    public static List<LoggedEvent> After(long position, IEnumerable<UnitEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        return events.Select((e, i) => new LoggedEvent(position + 1 + i, e)).ToList();
    }
}
