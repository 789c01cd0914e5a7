using CsCheck;
using GovPulse.Indicators.Calendar;

namespace GovPulse.Indicators.Tests.Calendar;

public sealed class WorkingDayCalendarProperties
{
    private static readonly WorkingDayCalendar Vietnam = WorkingDayCalendar.Vietnam;

    // Mid-2024 to early 2027: both data years plus weekend-only stretches on each side.
    private static readonly DateOnly First = new(2024, 6, 1);
    private static readonly Gen<DateOnly> Dates = Gen.Int[0, 1000].Select(offset => First.AddDays(offset));

    [Fact]
    public void Adding_n_working_days_lands_on_a_working_day_n_working_days_later()
    {
        Gen.Select(Dates, Gen.Int[0, 60]).Sample(t =>
        {
            var (day, n) = t;
            var result = Vietnam.AddWorkingDays(day, n);

            // From a day off, zero days moves to the next working day, which is one working day later.
            var expected = n == 0 && !Vietnam.IsWorkingDay(day) ? 1 : n;
            return Vietnam.IsWorkingDay(result) && Vietnam.CountWorkingDays(day, result) == expected;
        });
    }

    [Fact]
    public void Counting_backward_is_counting_forward_negated()
    {
        Gen.Select(Dates, Dates).Sample(t => Vietnam.CountWorkingDays(t.Item1, t.Item2) == -Vietnam.CountWorkingDays(t.Item2, t.Item1));
    }
}
