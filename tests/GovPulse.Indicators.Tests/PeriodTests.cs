using GovPulse.Indicators.Periods;

namespace GovPulse.Indicators.Tests;

public sealed class PeriodTests
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    [Theory]
    [InlineData("2026-09", PeriodKind.Month, "2026-09-01", "2026-09-30")]
    [InlineData("2026-02", PeriodKind.Month, "2026-02-01", "2026-02-28")]
    [InlineData("2026-Q3", PeriodKind.Quarter, "2026-07-01", "2026-09-30")]
    [InlineData("2026", PeriodKind.Year, "2026-01-01", "2026-12-31")]
    [InlineData("2026-09-01..2026-09-15", PeriodKind.Range, "2026-09-01", "2026-09-15")]
    public void The_API_period_syntax_parses_to_whole_local_days(string text, PeriodKind kind, string first, string last)
    {
        Period.TryParse(text, out var period, out _).Should().BeTrue();

        period.Kind.Should().Be(kind);
        period.FirstDay.Should().Be(DateOnly.Parse(first, System.Globalization.CultureInfo.InvariantCulture));
        period.LastDay.Should().Be(DateOnly.Parse(last, System.Globalization.CultureInfo.InvariantCulture));
        period.Label.Should().Be(text);
    }

    [Theory]
    [InlineData("2026-13")]
    [InlineData("2026-Q5")]
    [InlineData("09/2026")]
    [InlineData("")]
    public void A_malformed_period_says_what_was_expected(string text)
    {
        Period.TryParse(text, out _, out var error).Should().BeFalse();

        error.Should().Be($"period '{text}' is not one of YYYY-MM, YYYY-Qn, YYYY or YYYY-MM-DD..YYYY-MM-DD");
    }

    [Theory]
    [InlineData("0001-01")]
    [InlineData("1899-Q4")]
    [InlineData("2300")]
    [InlineData("2026-01-01..9999-12-31")]
    public void A_period_outside_the_days_the_log_holds_is_refused_with_the_range(string text)
    {
        Period.TryParse(text, out _, out var error).Should().BeFalse();

        error.Should().Be($"period '{text}' is outside 1900-01-01..2299-12-31, the days GovPulse can hold");
    }

    [Theory]
    [InlineData("1900-01")]
    [InlineData("2299-Q4")]
    [InlineData("1900-01-01..2299-12-31")]
    public void The_first_and_last_days_the_log_holds_are_periods(string text) =>
        Period.TryParse(text, out _, out _).Should().BeTrue();

    [Fact]
    public void A_range_that_ends_before_it_starts_is_refused()
    {
        Period.TryParse("2026-09-15..2026-09-01", out _, out var error).Should().BeFalse();

        error.Should().Be("period '2026-09-15..2026-09-01' ends before it starts");
    }

    [Fact]
    public void A_month_starts_at_midnight_in_Ho_Chi_Minh_City()
    {
        var september = Period.Month(2026, 9);

        september.Contains(new DateTimeOffset(2026, 9, 1, 0, 0, 0, Vietnam)).Should().BeTrue();
        september.Contains(new DateTimeOffset(2026, 8, 31, 23, 59, 59, Vietnam)).Should().BeFalse();
        // 16:59 UTC on 31 August is 23:59 in Vietnam; 17:00 UTC is already 1 September.
        september.Contains(new DateTimeOffset(2026, 8, 31, 17, 0, 0, TimeSpan.Zero)).Should().BeTrue();
        september.Contains(new DateTimeOffset(2026, 10, 1, 0, 0, 0, Vietnam)).Should().BeFalse();
    }

    [Fact]
    public void The_default_month_is_the_local_month_of_now()
    {
        Period.MonthOf(new DateTimeOffset(2026, 9, 30, 18, 0, 0, TimeSpan.Zero)).Label.Should().Be("2026-10");
    }

    [Fact]
    public void Evaluation_time_is_the_end_of_a_past_period_and_now_for_the_current_one()
    {
        var september = Period.Month(2026, 9);
        var mid = new DateTimeOffset(2026, 9, 18, 10, 0, 0, Vietnam);
        var later = new DateTimeOffset(2026, 11, 2, 8, 0, 0, Vietnam);

        september.EvaluationTime(mid).Should().Be(mid);
        september.EvaluationTime(later).Should().Be(new DateTimeOffset(2026, 10, 1, 0, 0, 0, Vietnam));
        september.EvaluationTime(later).Offset.Should().Be(Vietnam);
    }
}
