using GovPulse.Indicators.Periods;

namespace GovPulse.Ingest.Simulation;

/// <summary>
/// When one-stop counters receive: Monday to Friday, 07:30–11:30 and 13:00–17:00 local time
/// (480 minutes). Online dossiers can arrive at any time but are mostly filed in the same hours.
/// Days off come with the working-day calendar (issue 3).
/// </summary>
public static class OfficeHours
{
    public const int MinutesPerDay = 480;

    public static bool IsOpen(DateTimeOffset instant)
    {
        var local = VietnamTime.ToLocal(instant);
        if (local.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            return false;
        }

        var t = TimeOnly.FromDateTime(local.DateTime);
        return (t >= new TimeOnly(7, 30) && t < new TimeOnly(11, 30)) || (t >= new TimeOnly(13, 0) && t < new TimeOnly(17, 0));
    }

    /// <summary>Adds working days the simple way (weekends skipped), ending at 17:00; 0 days = today 17:00.</summary>
    public static DateTimeOffset DueAfter(DateTimeOffset received, int workingDays)
    {
        var day = VietnamTime.LocalDate(received);
        var added = 0;
        while (added < workingDays)
        {
            day = day.AddDays(1);
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                added++;
            }
        }

        return VietnamTime.StartOfDay(day).AddHours(17);
    }
}
