namespace GovPulse.Indicators.Calendar;

/// <summary>
/// One dated entry of the holiday data: a day off, or a make-up Saturday that is worked.
/// </summary>
/// <param name="Date">The local (Asia/Ho_Chi_Minh) date.</param>
/// <param name="Name">The name as the source gives it, kept in Vietnamese so it can be checked against the notice.</param>
/// <param name="IsDayOff">
/// <see langword="true"/> off, <see langword="false"/> worked, <see langword="null"/> unknown. Unknown is
/// not a day off: the proposed 24 November 2026 must not shorten deadlines until someone configures it.
/// </param>
/// <param name="Kind">Why the date is listed.</param>
/// <param name="Confirmed">Whether the source confirmed the entry; kept for display, it does not change the calendar.</param>
public sealed record CalendarDay(DateOnly Date, string Name, bool? IsDayOff, CalendarDayKind Kind, bool Confirmed);
