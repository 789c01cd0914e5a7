using GovPulse.Indicators.Calendar;

namespace GovPulse.Indicators.Tests.Calendar;

public sealed class WorkingDayCalendarTests
{
    private static readonly WorkingDayCalendar Vietnam = WorkingDayCalendar.Vietnam;

    private static DateOnly Day(int year, int month, int day) => new(year, month, day);

    [Fact]
    public void The_embedded_data_holds_every_listed_day()
    {
        Vietnam.Days.Should().HaveCount(41);
        Vietnam.Days.Select(d => d.Date).Should().BeInAscendingOrder();
    }

    [Fact]
    public void Tet_2026_days_are_not_working_days()
    {
        // Bính Ngọ: Saturday 14 to Sunday 22 February 2026, the whole week in between off.
        for (var day = Day(2026, 2, 14); day <= Day(2026, 2, 22); day = day.AddDays(1))
        {
            Vietnam.IsWorkingDay(day).Should().BeFalse($"{day:yyyy-MM-dd} is in the Tết break");
        }

        Vietnam.IsWorkingDay(Day(2026, 2, 13)).Should().BeTrue("the Friday before the break is worked");
        Vietnam.IsWorkingDay(Day(2026, 2, 23)).Should().BeTrue("the Monday after the break is worked");
    }

    [Fact]
    public void Tet_2025_days_are_not_working_days()
    {
        for (var day = Day(2025, 1, 25); day <= Day(2025, 2, 2); day = day.AddDays(1))
        {
            Vietnam.IsWorkingDay(day).Should().BeFalse($"{day:yyyy-MM-dd} is in the Tết break");
        }

        Vietnam.IsWorkingDay(Day(2025, 1, 24)).Should().BeTrue();
        Vietnam.IsWorkingDay(Day(2025, 2, 3)).Should().BeTrue();
    }

    [Fact]
    public void A_swapped_weekday_is_off_and_its_make_up_Saturday_is_worked()
    {
        Day(2025, 5, 2).DayOfWeek.Should().Be(DayOfWeek.Friday);
        Vietnam.IsWorkingDay(Day(2025, 5, 2)).Should().BeFalse();
        Day(2025, 4, 26).DayOfWeek.Should().Be(DayOfWeek.Saturday);
        Vietnam.IsWorkingDay(Day(2025, 4, 26)).Should().BeTrue();
        Vietnam.IsWorkingDay(Day(2025, 4, 27)).Should().BeFalse("only the listed Saturday is made up, not its Sunday");
    }

    [Fact]
    public void The_New_Year_2026_swap_moves_2_January_to_Saturday_10_January()
    {
        Vietnam.IsWorkingDay(Day(2026, 1, 2)).Should().BeFalse();
        Vietnam.IsWorkingDay(Day(2026, 1, 10)).Should().BeTrue();
        Vietnam.IsWorkingDay(Day(2026, 1, 17)).Should().BeFalse("an ordinary Saturday stays off");
    }

    [Fact]
    public void The_30_April_and_1_May_2025_break_runs_from_Wednesday_to_Sunday()
    {
        Vietnam.IsWorkingDay(Day(2025, 4, 29)).Should().BeTrue();
        foreach (var day in new[] { Day(2025, 4, 30), Day(2025, 5, 1), Day(2025, 5, 2), Day(2025, 5, 3), Day(2025, 5, 4) })
        {
            Vietnam.IsWorkingDay(day).Should().BeFalse($"{day:yyyy-MM-dd} is in the break");
        }

        Vietnam.IsWorkingDay(Day(2025, 5, 5)).Should().BeTrue();
    }

    [Fact]
    public void National_Day_2025_is_off_from_Saturday_30_August_to_Tuesday_2_September()
    {
        Vietnam.IsWorkingDay(Day(2025, 8, 29)).Should().BeTrue();
        for (var day = Day(2025, 8, 30); day <= Day(2025, 9, 2); day = day.AddDays(1))
        {
            Vietnam.IsWorkingDay(day).Should().BeFalse($"{day:yyyy-MM-dd} is in the break");
        }

        Vietnam.IsWorkingDay(Day(2025, 9, 3)).Should().BeTrue();
    }

    [Fact]
    public void National_Day_2026_is_off_only_on_2_September_as_listed()
    {
        Vietnam.IsWorkingDay(Day(2026, 9, 2)).Should().BeFalse();
        Vietnam.IsWorkingDay(Day(2026, 9, 1)).Should().BeTrue("the adjacent day is unconfirmed and not in the data");
        Vietnam.IsWorkingDay(Day(2026, 9, 3)).Should().BeTrue("the adjacent day is unconfirmed and not in the data");
    }

    [Fact]
    public void Hung_Kings_2026_falls_on_Sunday_and_is_observed_on_Monday()
    {
        Vietnam.IsWorkingDay(Day(2026, 4, 27)).Should().BeFalse();
        Vietnam.IsWorkingDay(Day(2026, 4, 28)).Should().BeTrue();
    }

    [Fact]
    public void Vietnamese_Culture_Day_2026_is_a_working_day_by_default()
    {
        Vietnam.IsWorkingDay(Day(2026, 11, 24)).Should().BeTrue("a proposed day off with unknown status is not a day off");
    }

    [Fact]
    public void Years_outside_the_data_know_only_weekends()
    {
        Vietnam.Covers(2025).Should().BeTrue();
        Vietnam.Covers(2026).Should().BeTrue();
        Vietnam.Covers(2024).Should().BeFalse();
        Vietnam.Covers(2027).Should().BeFalse();
        Vietnam.IsWorkingDay(Day(2027, 1, 1)).Should().BeTrue("New Year 2027 is not in the data yet");
        Vietnam.IsWorkingDay(Day(2027, 1, 2)).Should().BeFalse("a Saturday");
    }

    [Fact]
    public void Adding_working_days_skips_the_Tet_break()
    {
        Vietnam.AddWorkingDays(Day(2026, 2, 13), 1).Should().Be(Day(2026, 2, 23));
        Vietnam.AddWorkingDays(Day(2026, 2, 12), 3).Should().Be(Day(2026, 2, 24));
    }

    [Fact]
    public void Adding_working_days_skips_a_weekend()
    {
        Day(2025, 3, 7).DayOfWeek.Should().Be(DayOfWeek.Friday);
        Vietnam.AddWorkingDays(Day(2025, 3, 7), 1).Should().Be(Day(2025, 3, 10));
        Vietnam.AddWorkingDays(Day(2025, 3, 6), 5).Should().Be(Day(2025, 3, 13));
    }

    [Fact]
    public void Adding_working_days_lands_on_a_make_up_Saturday()
    {
        Vietnam.AddWorkingDays(Day(2025, 4, 25), 1).Should().Be(Day(2025, 4, 26));
    }

    [Fact]
    public void Adding_zero_working_days_keeps_a_working_day_and_moves_a_day_off_forward()
    {
        Vietnam.AddWorkingDays(Day(2025, 3, 10), 0).Should().Be(Day(2025, 3, 10));
        Vietnam.AddWorkingDays(Day(2025, 3, 8), 0).Should().Be(Day(2025, 3, 10));
        Vietnam.AddWorkingDays(Day(2026, 2, 17), 0).Should().Be(Day(2026, 2, 23));
    }

    [Fact]
    public void Adding_a_negative_number_of_working_days_is_refused()
    {
        var act = () => Vietnam.AddWorkingDays(Day(2025, 3, 10), -1);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Counting_working_days_forward_skips_days_off_and_counts_the_make_up_Saturday()
    {
        // 26/4 (make-up Saturday), 28/4, 29/4 and 5/5; the 30/4–4/5 break and Sunday 27/4 do not count.
        Vietnam.CountWorkingDays(Day(2025, 4, 25), Day(2025, 5, 5)).Should().Be(4);
        Vietnam.CountWorkingDays(Day(2026, 2, 13), Day(2026, 2, 23)).Should().Be(1);
    }

    [Fact]
    public void Counting_working_days_backward_gives_a_negative_count()
    {
        Vietnam.CountWorkingDays(Day(2025, 5, 5), Day(2025, 4, 25)).Should().Be(-4);
        Vietnam.CountWorkingDays(Day(2026, 2, 23), Day(2026, 2, 13)).Should().Be(-1);
    }

    [Fact]
    public void Counting_from_a_day_to_itself_gives_zero()
    {
        Vietnam.CountWorkingDays(Day(2025, 3, 10), Day(2025, 3, 10)).Should().Be(0);
    }
}
