using System.Collections.Frozen;
using System.Collections.Immutable;
using GovPulse.Indicators.Periods;

namespace GovPulse.Indicators.Calendar;

/// <summary>
/// Working days for statutory time limits: Monday to Friday, minus days off, plus make-up Saturdays
/// (the government's yearly notices swap a weekday off against a worked Saturday).
/// </summary>
/// <remarks>
/// The calendar only knows the holidays of the years its data covers (<see cref="Covers"/>; the
/// embedded data covers 2025 and 2026). Outside them only weekends are known, so a deadline there may
/// fall on a holiday nobody has entered yet; callers that show such deadlines can say so.
/// The data drives everything, so a day the sources left open (the second National Day of 2026, the
/// proposed 24 November) is added by configuration through <see cref="With"/>, not by a code change.
/// Immutable: <see cref="With"/> returns a new calendar, so one instance can be shared across threads.
/// </remarks>
public sealed class WorkingDayCalendar
{
    /// <summary>
    /// End of office hours, 17:00 local time: the hour a due date falls due. <b>[choice]</b> The 766
    /// rules give due dates as days, not hours; GovPulse picks the end of the office day so a dossier
    /// finished at any time on its due date is on time, and an in-progress dossier turns overdue when
    /// the office closes that day rather than at midnight.
    /// </summary>
    public static TimeOnly EndOfOfficeHours { get; } = new(17, 0);

    private static readonly Lazy<WorkingDayCalendar> VietnamCalendar =
        new(() => new WorkingDayCalendar(CalendarDayCsv.ReadEmbedded("vn-holidays-2025-2026.csv")));

    private readonly FrozenDictionary<DateOnly, CalendarDay> byDate;
    private readonly FrozenSet<int> coveredYears;

    /// <summary>A calendar of the given entries; a later entry for the same date replaces an earlier one.
    /// It covers every year that has at least one entry.</summary>
    public WorkingDayCalendar(IEnumerable<CalendarDay> days)
        : this(LatestPerDate(FrozenDictionary<DateOnly, CalendarDay>.Empty, days), coveredYears: null)
    {
    }

    private WorkingDayCalendar(Dictionary<DateOnly, CalendarDay> byDate, IEnumerable<int>? coveredYears)
    {
        this.byDate = byDate.ToFrozenDictionary();
        this.coveredYears = (coveredYears ?? byDate.Keys.Select(d => d.Year)).ToFrozenSet();
        Days = [.. byDate.Values.OrderBy(d => d.Date)];
    }

    /// <summary>Ho Chi Minh City's public-service calendar for 2025 and 2026, from the embedded holiday data.</summary>
    public static WorkingDayCalendar Vietnam => VietnamCalendar.Value;

    /// <summary>The entries in force, one per date, in date order.</summary>
    public ImmutableArray<CalendarDay> Days { get; }

    /// <summary>
    /// Holiday rows from configuration text in the shape of the embedded data
    /// (<c>date,name,is_day_off,kind,confirmed</c>, header optional, <c>#</c> comment lines allowed).
    /// </summary>
    /// <exception cref="FormatException">A row is malformed; the message names its line and field.</exception>
    public static IReadOnlyList<CalendarDay> Parse(string text) => CalendarDayCsv.Parse(text);

    /// <summary>
    /// This calendar with <paramref name="overrides"/> laid over it: each override replaces the entry for
    /// its date, and later overrides replace earlier ones. The covered years do not change, since a few
    /// configured days do not make a year's holidays known.
    /// </summary>
    public WorkingDayCalendar With(IEnumerable<CalendarDay> overrides) =>
        new(LatestPerDate(byDate, overrides), coveredYears);

    /// <summary>Whether the holiday data covers <paramref name="year"/>; outside it only weekends are known.</summary>
    public bool Covers(int year) => coveredYears.Contains(year);

    public bool IsWorkingDay(DateOnly day)
    {
        if (byDate.TryGetValue(day, out var entry))
        {
            if (entry.IsDayOff == true)
            {
                return false;
            }

            if (entry.Kind == CalendarDayKind.MakeupWorkday)
            {
                return true;
            }
        }

        return day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
    }

    /// <summary>
    /// The <paramref name="workingDays"/>-th working day after <paramref name="day"/>. Zero gives
    /// <paramref name="day"/> itself when it is a working day, otherwise the next working day, so the
    /// result is always a working day.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly day, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var current = day;
        if (workingDays == 0)
        {
            while (!IsWorkingDay(current))
            {
                current = current.AddDays(1);
            }

            return current;
        }

        var left = workingDays;
        while (left > 0)
        {
            current = current.AddDays(1);
            if (IsWorkingDay(current))
            {
                left--;
            }
        }

        return current;
    }

    /// <summary>
    /// Working days in (<paramref name="fromExclusive"/>, <paramref name="toInclusive"/>]; negative when
    /// <paramref name="toInclusive"/> is earlier, so that one call gives both "days late"
    /// (due → finished) and "days left" (today → due).
    /// </summary>
    public int CountWorkingDays(DateOnly fromExclusive, DateOnly toInclusive)
    {
        if (toInclusive < fromExclusive)
        {
            return -CountWorkingDays(toInclusive, fromExclusive);
        }

        var count = 0;
        for (var n = fromExclusive.DayNumber + 1; n <= toInclusive.DayNumber; n++)
        {
            if (IsWorkingDay(DateOnly.FromDayNumber(n)))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>
    /// The statutory due time of a dossier received at <paramref name="receivedAt"/> with a limit of
    /// <paramref name="workingDays"/> working days, in local time (UTC+7).
    /// </summary>
    /// <remarks>
    /// <b>[choice]</b> The spec gives the limit in working days but no hour. GovPulse makes it due at
    /// <see cref="EndOfOfficeHours"/> (17:00 Asia/Ho_Chi_Minh) of the N-th working day after the local
    /// day of receipt, whatever the hour or day of receipt. A same-day limit (N = 0) is due at 17:00 of
    /// the receipt day when that is a working day and the dossier came in before 17:00; otherwise at
    /// 17:00 of the next working day, because an office that has closed cannot settle it the same day.
    /// </remarks>
    public DateTimeOffset DueAfter(DateTimeOffset receivedAt, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var local = VietnamTime.ToLocal(receivedAt);
        var receiptDay = DateOnly.FromDateTime(local.DateTime);
        var sameDayPossible = IsWorkingDay(receiptDay) && TimeOnly.FromDateTime(local.DateTime) < EndOfOfficeHours;
        var dueDay = workingDays == 0 && sameDayPossible ? receiptDay : AddWorkingDays(receiptDay, Math.Max(workingDays, 1));

        // Vietnam keeps UTC+7 all year (no daylight saving), so start of day plus 17 hours is 17:00 local.
        return VietnamTime.StartOfDay(dueDay).Add(EndOfOfficeHours.ToTimeSpan());
    }

    private static Dictionary<DateOnly, CalendarDay> LatestPerDate(
        IReadOnlyDictionary<DateOnly, CalendarDay> existing, IEnumerable<CalendarDay> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        var byDate = existing.ToDictionary();
        foreach (var day in days)
        {
            ArgumentNullException.ThrowIfNull(day);
            byDate[day.Date] = day;
        }

        return byDate;
    }
}
