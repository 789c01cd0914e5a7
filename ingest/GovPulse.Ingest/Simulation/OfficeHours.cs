using GovPulse.Indicators.Calendar;
using GovPulse.Indicators.Periods;

namespace GovPulse.Ingest.Simulation;

/// <summary>
/// When one-stop counters work: the working days of the public-service calendar (Monday to Friday,
/// minus the days off of <see cref="WorkingDayCalendar.Vietnam"/>, plus its make-up Saturdays),
/// 07:30–11:30 and 13:00–17:00 local time (480 minutes). Dossiers filed online outside these hours
/// are received (tiếp nhận) when the office opens, so every receipt falls inside them.
/// </summary>
public static class OfficeHours
{
    public const int MinutesPerDay = 480;

    private static readonly TimeOnly MorningOpens = new(7, 30);
    private static readonly TimeOnly MorningCloses = new(11, 30);
    private static readonly TimeOnly AfternoonOpens = new(13, 0);
    private static readonly TimeOnly AfternoonCloses = new(17, 0);

    public static WorkingDayCalendar Calendar => WorkingDayCalendar.Vietnam;

    public static bool IsWorkingDay(DateOnly day) => Calendar.IsWorkingDay(day);

    public static bool IsOpen(DateTimeOffset instant)
    {
        var local = VietnamTime.ToLocal(instant);
        if (!Calendar.IsWorkingDay(DateOnly.FromDateTime(local.DateTime)))
        {
            return false;
        }

        var t = TimeOnly.FromDateTime(local.DateTime);
        return (t >= MorningOpens && t < MorningCloses) || (t >= AfternoonOpens && t < AfternoonCloses);
    }

    /// <summary><paramref name="instant"/> when the office is open then, otherwise the next time it opens.</summary>
    public static DateTimeOffset NextOpen(DateTimeOffset instant)
    {
        var local = VietnamTime.ToLocal(instant);
        var day = DateOnly.FromDateTime(local.DateTime);
        var t = TimeOnly.FromDateTime(local.DateTime);
        while (true)
        {
            if (Calendar.IsWorkingDay(day))
            {
                if (t < MorningOpens)
                {
                    return At(day, MorningOpens);
                }

                if (t < MorningCloses)
                {
                    return instant;
                }

                if (t < AfternoonOpens)
                {
                    return At(day, AfternoonOpens);
                }

                if (t < AfternoonCloses)
                {
                    return instant;
                }
            }

            day = day.AddDays(1);
            t = TimeOnly.MinValue;
        }
    }

    /// <summary>
    /// The statutory due time, as the 766 engine computes it (<see cref="WorkingDayCalendar.DueAfter"/>):
    /// 17:00 of the N-th working day after receipt; 0 days = 17:00 of the receipt day.
    /// </summary>
    public static DateTimeOffset DueAfter(DateTimeOffset received, int workingDays) => Calendar.DueAfter(received, workingDays);

    private static DateTimeOffset At(DateOnly day, TimeOnly time) => VietnamTime.StartOfDay(day).Add(time.ToTimeSpan());
}
