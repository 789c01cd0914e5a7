using GovPulse.Indicators.Calendar;
using GovPulse.Notifications.Notices;
using GovPulse.Notifications.Subscriptions;
using GovPulse.Notifications.Summaries;
using Microsoft.Extensions.Time.Testing;

namespace GovPulse.Notifications.Tests.Summaries;

/// <summary>The decisions behind holding and the digest, and which mornings get a list, on a fake clock.</summary>
public sealed class QuietAndScheduleTests
{
    private static DateTimeOffset Vietnam(int day, int hour, int minute = 0) => new(2026, 12, day, hour, minute, 0, TimeSpan.FromHours(7));

    [Fact]
    public void Across_a_night_the_last_ended_quiet_span_appears_when_the_quiet_hours_end()
    {
        var time = new FakeTimeProvider(Vietnam(6, 21));
        QuietSpan.LastEnded(QuietHours.Default, time.GetUtcNow()).Should().Be(new QuietSpan(Vietnam(5, 22), Vietnam(6, 6, 30)), "at 21:00 the last night ended this morning");

        time.Advance(TimeSpan.FromHours(1));
        QuietSpan.LastEnded(QuietHours.Default, time.GetUtcNow()).Should().BeNull("22:00 is inside the quiet hours");

        time.Advance(TimeSpan.FromHours(8));
        QuietSpan.LastEnded(QuietHours.Default, time.GetUtcNow()).Should().BeNull("06:00 still is");

        time.Advance(TimeSpan.FromMinutes(30));
        QuietSpan.LastEnded(QuietHours.Default, time.GetUtcNow()).Should().Be(new QuietSpan(Vietnam(6, 22), Vietnam(7, 6, 30)), "at 06:30 the night is over");

        time.Advance(TimeSpan.FromMinutes(30));
        QuietSpan.LastEnded(QuietHours.Default, time.GetUtcNow()).Should().Be(new QuietSpan(Vietnam(6, 22), Vietnam(7, 6, 30)), "the 07:00 publication sees the same span: one digest, its mark keyed by the span's end");
    }

    [Fact]
    public void A_span_inside_one_day_and_no_quiet_hours()
    {
        var lunch = new QuietHours(new TimeOnly(12, 0), new TimeOnly(13, 0));
        QuietSpan.LastEnded(lunch, Vietnam(7, 14)).Should().Be(new QuietSpan(Vietnam(7, 12), Vietnam(7, 13)));
        QuietSpan.LastEnded(lunch, Vietnam(7, 11)).Should().Be(new QuietSpan(Vietnam(6, 12), Vietnam(6, 13)));
        QuietSpan.LastEnded(QuietHours.None, Vietnam(7, 11)).Should().BeNull();
    }

    [Theory]
    [InlineData(DeliverySchedule.Hourly, NoticeKind.Hourly, true)]
    [InlineData(DeliverySchedule.Hourly, NoticeKind.Daily, false)]
    [InlineData(DeliverySchedule.Daily, NoticeKind.Hourly, false)]
    [InlineData(DeliverySchedule.Daily, NoticeKind.Daily, true)]
    [InlineData(DeliverySchedule.Alerts, NoticeKind.Hourly, false)]
    [InlineData(DeliverySchedule.Alerts, NoticeKind.Daily, false)]
    [InlineData(DeliverySchedule.Alerts, NoticeKind.AlertStarted, true)]
    [InlineData(DeliverySchedule.Alerts, NoticeKind.AlertCleared, true)]
    [InlineData(DeliverySchedule.Alerts, NoticeKind.MorningList, true)]
    [InlineData(DeliverySchedule.Daily, NoticeKind.MorningList, true)]
    [InlineData(DeliverySchedule.Alerts, NoticeKind.Test, true)]
    public void Each_schedule_takes_its_kinds(DeliverySchedule schedule, NoticeKind kind, bool takes) =>
        ScheduleRules.Takes(schedule, kind).Should().Be(takes);

    [Fact]
    public void Alerts_morning_lists_and_daily_summaries_are_held_in_quiet_hours_hourly_ones_fold_into_the_digest_and_tests_go_at_once()
    {
        ScheduleRules.HeldInQuietHours(NoticeKind.AlertStarted).Should().BeTrue();
        ScheduleRules.HeldInQuietHours(NoticeKind.MorningList).Should().BeTrue();
        ScheduleRules.HeldInQuietHours(NoticeKind.Daily).Should().BeTrue();
        ScheduleRules.HeldInQuietHours(NoticeKind.Hourly).Should().BeFalse();
        ScheduleRules.HeldInQuietHours(NoticeKind.Test).Should().BeFalse();
    }

    [Theory]
    [InlineData("2026-02-13", "2026-02-23")] // the Friday before Tết: its "tomorrow" is the first working day after it
    [InlineData("2026-02-23", "2026-02-24")]
    [InlineData("2026-12-04", "2026-12-07")] // a Friday: Monday
    [InlineData("2026-12-07", "2026-12-08")]
    public void A_working_morning_covers_today_and_the_next_working_day(string today, string lastDueDay) =>
        MorningListDay.LastDueDay(WorkingDayCalendar.Vietnam, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture))
            .Should().Be(DateOnly.Parse(lastDueDay, System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void No_list_on_the_days_of_Tet_2026_nor_on_weekends()
    {
        for (var day = new DateOnly(2026, 2, 14); day <= new DateOnly(2026, 2, 22); day = day.AddDays(1))
        {
            MorningListDay.LastDueDay(WorkingDayCalendar.Vietnam, day).Should().BeNull($"{day:yyyy-MM-dd} is a day off of Tết");
        }

        MorningListDay.LastDueDay(WorkingDayCalendar.Vietnam, new DateOnly(2026, 12, 5)).Should().BeNull("a Saturday");
        MorningListDay.LastDueDay(WorkingDayCalendar.Vietnam, new DateOnly(2026, 1, 10)).Should().Be(new DateOnly(2026, 1, 12), "the make-up Saturday is a working day");
    }

    [Theory]
    [InlineData("leader", null, null, true)]
    [InlineData("auditor", null, null, true)]
    [InlineData("admin", null, null, true)]
    [InlineData("departmentHead", "26737", "26737", false)]
    public void The_audience_follows_the_read_matrix_for_dossiers(string role, string? unit, string? expectedUnit, bool city)
    {
        var audience = SummaryAudience.For(role, unit)!;
        audience.IsCity.Should().Be(city);
        audience.UnitCode.Should().Be(expectedUnit);
    }

    [Fact]
    public void A_department_head_without_a_unit_and_an_unknown_role_get_nothing()
    {
        SummaryAudience.For("departmentHead", null).Should().BeNull();
        SummaryAudience.For("stranger", null).Should().BeNull();
    }
}
