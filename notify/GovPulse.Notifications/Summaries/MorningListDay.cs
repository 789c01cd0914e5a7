using GovPulse.Indicators.Calendar;

namespace GovPulse.Notifications.Summaries;

/// <summary>Which mornings have a list, and which due days it covers.</summary>
public static class MorningListDay
{
    /// <summary>
    /// The last due day the list of <paramref name="today"/> covers: the next working day, since due
    /// times fall on working days (on a Friday "tomorrow" is Monday; before Tết, the first day after
    /// it). Null when <paramref name="today"/> is no working day (weekends, Tết, holidays): no list.
    /// </summary>
    public static DateOnly? LastDueDay(WorkingDayCalendar calendar, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.IsWorkingDay(today) ? calendar.AddWorkingDays(today, 1) : null;
    }
}
