using System.IO.Hashing;
using System.Runtime.CompilerServices;
using GovPulse.Indicators.Calendar;

namespace GovPulse.Indicators.Snapshots;

/// <summary>
/// A hash of what a calendar says about working days (each listed date, whether it is off, and its
/// kind; names and confirmations do not change a deadline). Sealed months hold the judgements of one
/// calendar, so a calendar with another fingerprint refuses them and the unit rebuilds from its events.
/// </summary>
internal static class CalendarFingerprint
{
    private static readonly ConditionalWeakTable<WorkingDayCalendar, StrongBox<ulong>> Known = [];

    public static ulong Of(WorkingDayCalendar calendar) =>
        Known.GetValue(calendar, static c => new StrongBox<ulong>(Compute(c))).Value;

    private static ulong Compute(WorkingDayCalendar calendar)
    {
        var hash = new XxHash64();
        Span<byte> entry = stackalloc byte[6];
        foreach (var day in calendar.Days)
        {
            BitConverter.TryWriteBytes(entry, day.Date.DayNumber);
            entry[4] = day.IsDayOff switch { true => 1, false => 2, null => 0 };
            entry[5] = (byte)day.Kind;
            hash.Append(entry);
        }

        return hash.GetCurrentHashAsUInt64();
    }
}
