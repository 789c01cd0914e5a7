using GovPulse.Indicators.Calendar;

namespace GovPulse.Indicators.Tests.Calendar;

public sealed class DueAfterTests
{
    private static readonly WorkingDayCalendar Vietnam = WorkingDayCalendar.Vietnam;
    private static readonly TimeSpan Utc7 = TimeSpan.FromHours(7);

    private static DateTimeOffset Local(int year, int month, int day, int hour, int minute = 0) =>
        new(year, month, day, hour, minute, 0, Utc7);

    [Fact]
    public void A_same_day_dossier_received_in_the_morning_is_due_at_17_00_that_day()
    {
        Vietnam.DueAfter(Local(2025, 3, 10, 9), 0).Should().Be(Local(2025, 3, 10, 17));
    }

    [Fact]
    public void A_same_day_dossier_received_after_17_00_is_due_at_17_00_the_next_working_day()
    {
        Vietnam.DueAfter(Local(2025, 3, 10, 17, 30), 0).Should().Be(Local(2025, 3, 11, 17));
        Vietnam.DueAfter(Local(2025, 3, 10, 17), 0).Should().Be(Local(2025, 3, 11, 17), "17:00 itself is no longer before closing");
        Vietnam.DueAfter(Local(2025, 3, 7, 18), 0).Should().Be(Local(2025, 3, 10, 17), "Friday evening rolls over the weekend");
    }

    [Fact]
    public void A_same_day_dossier_received_on_a_Saturday_is_due_on_Monday()
    {
        Vietnam.DueAfter(Local(2025, 3, 8, 10), 0).Should().Be(Local(2025, 3, 10, 17));
    }

    [Fact]
    public void A_one_day_dossier_received_on_a_Saturday_is_due_on_Monday()
    {
        Vietnam.DueAfter(Local(2025, 3, 8, 10), 1).Should().Be(Local(2025, 3, 10, 17));
    }

    [Fact]
    public void A_one_day_dossier_is_due_the_next_working_day_whatever_the_hour_of_receipt()
    {
        Vietnam.DueAfter(Local(2025, 3, 10, 9), 1).Should().Be(Local(2025, 3, 11, 17));
        Vietnam.DueAfter(Local(2025, 3, 10, 18), 1).Should().Be(Local(2025, 3, 11, 17));
    }

    [Fact]
    public void A_five_day_dossier_received_just_before_Tet_is_due_after_the_break()
    {
        // 13/2 is day 1; 16–22/2 is Tết; 23, 24, 25, 26/2 are days 2 to 5.
        Vietnam.DueAfter(Local(2026, 2, 12, 10), 5).Should().Be(Local(2026, 2, 26, 17));
    }

    [Fact]
    public void A_same_day_dossier_received_on_the_last_evening_before_Tet_is_due_after_the_break()
    {
        Vietnam.DueAfter(Local(2026, 2, 13, 18), 0).Should().Be(Local(2026, 2, 23, 17));
    }

    [Fact]
    public void A_five_day_dossier_received_on_Monday_is_due_on_Monday_a_week_later()
    {
        Vietnam.DueAfter(Local(2025, 3, 10, 9), 5).Should().Be(Local(2025, 3, 17, 17));
    }

    [Fact]
    public void The_receipt_day_is_the_local_day_not_the_UTC_day()
    {
        // 20:00 UTC on Sunday 9 March is 03:00 on Monday 10 March in Ho Chi Minh City.
        var received = new DateTimeOffset(2025, 3, 9, 20, 0, 0, TimeSpan.Zero);

        var due = Vietnam.DueAfter(received, 0);

        due.Should().Be(Local(2025, 3, 10, 17));
        due.Offset.Should().Be(Utc7);
    }

    [Fact]
    public void A_negative_limit_is_refused()
    {
        var act = () => Vietnam.DueAfter(Local(2025, 3, 10, 9), -1);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }
}
