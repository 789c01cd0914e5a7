namespace GovPulse.Indicators.Calendar;

/// <summary>
/// Why a date is in the holiday data. The kinds follow how the government's yearly notices word
/// them, so a reader can check a row against its source.
/// </summary>
public enum CalendarDayKind
{
    /// <summary>A holiday of Labour Code 2019 art. 112 (<c>statutory</c>).</summary>
    Statutory,

    /// <summary>A Saturday or Sunday inside a holiday break (<c>weekend_in_break</c>); off anyway, listed so the break reads whole.</summary>
    WeekendInBreak,

    /// <summary>A weekday given off in exchange for a make-up Saturday (<c>swapped_day_off</c>).</summary>
    SwappedDayOff,

    /// <summary>A Saturday worked to make up a swapped day off (<c>makeup_workday</c>): the only kind that turns a weekend day into a working day.</summary>
    MakeupWorkday,

    /// <summary>A weekday off because a holiday fell on a weekend (<c>observed_compensatory</c>).</summary>
    ObservedCompensatory,

    /// <summary>
    /// A holiday proposed but not in force (<c>proposed_not_in_force</c>), e.g. 24 November 2026; the data
    /// marks its day-off status unknown, which the calendar treats as a working day until configured.
    /// </summary>
    ProposedNotInForce,
}
