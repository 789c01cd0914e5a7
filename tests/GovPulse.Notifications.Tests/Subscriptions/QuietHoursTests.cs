using GovPulse.Notifications.Subscriptions;

namespace GovPulse.Notifications.Tests.Subscriptions;

public sealed class QuietHoursTests
{
    private static DateTimeOffset Vietnam(int hour, int minute) => new(2026, 12, 7, hour, minute, 0, TimeSpan.FromHours(7));

    [Theory]
    [InlineData(21, 59, false)]
    [InlineData(22, 0, true)]
    [InlineData(23, 30, true)]
    [InlineData(0, 0, true)]
    [InlineData(6, 29, true)]
    [InlineData(6, 30, false)]
    [InlineData(12, 0, false)]
    public void The_default_spans_midnight_in_Vietnam_time(int hour, int minute, bool quiet) =>
        QuietHours.Default.Contains(Vietnam(hour, minute)).Should().Be(quiet);

    [Fact]
    public void The_same_instant_given_in_UTC_is_judged_in_Vietnam_time() =>
        QuietHours.Default.Contains(new DateTimeOffset(2026, 12, 7, 15, 30, 0, TimeSpan.Zero)).Should().BeTrue("15:30 UTC is 22:30 in Vietnam");

    [Fact]
    public void A_span_inside_one_day_and_no_span()
    {
        var lunch = new QuietHours(new TimeOnly(12, 0), new TimeOnly(13, 0));
        lunch.Contains(Vietnam(12, 30)).Should().BeTrue();
        lunch.Contains(Vietnam(13, 0)).Should().BeFalse();
        QuietHours.None.Contains(Vietnam(23, 0)).Should().BeFalse();
    }

    [Theory]
    [InlineData("22:00", "6:30", "quietHours.to")]
    [InlineData("25:00", "06:30", "quietHours.from")]
    [InlineData(null, "06:30", "quietHours.from")]
    public void Parsing_names_the_bad_end(string? from, string? to, string named)
    {
        QuietHours.TryParse(from, to, out _, out var error).Should().BeFalse();
        error.Should().StartWith(named);
    }
}
