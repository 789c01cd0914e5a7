using GovPulse.Indicators.Calendar;

namespace GovPulse.Indicators.Tests.Calendar;

public sealed class CalendarOverrideTests
{
    private static readonly DateOnly CultureDay = new(2026, 11, 24);

    [Fact]
    public void Vietnamese_Culture_Day_2026_is_a_day_off_once_configured()
    {
        var configured = WorkingDayCalendar.Vietnam.With(WorkingDayCalendar.Parse(
            "2026-11-24,Ngày Văn hóa Việt Nam,yes,statutory,yes"));

        configured.IsWorkingDay(CultureDay).Should().BeFalse();
        WorkingDayCalendar.Vietnam.IsWorkingDay(CultureDay).Should().BeTrue("the shared calendar is not changed by an override");
    }

    [Fact]
    public void The_second_National_Day_2026_can_be_added_by_configuration()
    {
        var configured = WorkingDayCalendar.Vietnam.With(WorkingDayCalendar.Parse(
            """
            date,name,is_day_off,kind,confirmed
            # The government's notice for 2026 settled the adjacent day.
            2026-09-01,"Quốc khánh (ngày liền kề, 1/9)",yes,statutory,yes
            """));

        configured.IsWorkingDay(new DateOnly(2026, 9, 1)).Should().BeFalse();
        configured.IsWorkingDay(new DateOnly(2026, 9, 2)).Should().BeFalse();
        configured.AddWorkingDays(new DateOnly(2026, 8, 31), 1).Should().Be(new DateOnly(2026, 9, 3));
    }

    [Fact]
    public void A_later_entry_for_the_same_date_replaces_an_earlier_one()
    {
        var configured = WorkingDayCalendar.Vietnam.With(
        [
            new CalendarDay(CultureDay, "Ngày Văn hóa Việt Nam", true, CalendarDayKind.Statutory, true),
            new CalendarDay(CultureDay, "Ngày Văn hóa Việt Nam (hoãn)", false, CalendarDayKind.ProposedNotInForce, false),
        ]);

        configured.IsWorkingDay(CultureDay).Should().BeTrue();
        configured.Days.Single(d => d.Date == CultureDay).Name.Should().Be("Ngày Văn hóa Việt Nam (hoãn)");
    }

    [Fact]
    public void Overrides_do_not_extend_the_covered_years()
    {
        var configured = WorkingDayCalendar.Vietnam.With(WorkingDayCalendar.Parse("2027-01-01,Tết Dương lịch,yes,statutory,yes"));

        configured.IsWorkingDay(new DateOnly(2027, 1, 1)).Should().BeFalse();
        configured.Covers(2027).Should().BeFalse("one configured day does not make the year's holidays known");
    }

    [Fact]
    public void Configuration_rows_are_read_like_the_embedded_data()
    {
        var days = WorkingDayCalendar.Parse(
            "date,name,is_day_off,kind,confirmed\r\n2026-11-24,Ngày Văn hóa Việt Nam,unknown,proposed_not_in_force,no\r\n");

        days.Should().Equal(new CalendarDay(CultureDay, "Ngày Văn hóa Việt Nam", null, CalendarDayKind.ProposedNotInForce, false));
    }

    [Theory]
    [InlineData("2026-09-31,Quốc khánh,yes,statutory,yes", "line 3, field 'date'")]
    [InlineData("2026-09-01,Quốc khánh,maybe,statutory,yes", "line 3, field 'is_day_off'")]
    [InlineData("2026-09-01,Quốc khánh,yes,holiday,yes", "line 3, field 'kind'")]
    [InlineData("2026-09-01,Quốc khánh,yes,statutory,perhaps", "line 3, field 'confirmed'")]
    [InlineData("2026-09-01,,yes,statutory,yes", "line 3, field 'name'")]
    [InlineData("2026-09-05,Làm bù,yes,makeup_workday,yes", "line 3, field 'is_day_off'")]
    [InlineData("2026-09-01,Quốc khánh,yes,statutory", "line 3: expected 5 fields")]
    public void A_malformed_row_is_refused_with_its_line_and_field(string row, string expected)
    {
        var text = "date,name,is_day_off,kind,confirmed\n2026-11-24,Ngày Văn hóa Việt Nam,yes,statutory,yes\n" + row;

        var act = () => WorkingDayCalendar.Parse(text);

        act.Should().Throw<FormatException>().WithMessage($"*{expected}*");
    }

    [Fact]
    public void A_header_in_another_order_is_refused()
    {
        var act = () => WorkingDayCalendar.Parse("date,is_day_off,name,kind,confirmed\n2026-11-24,yes,Ngày Văn hóa Việt Nam,statutory,yes");

        act.Should().Throw<FormatException>().WithMessage("*line 1*header*");
    }
}
