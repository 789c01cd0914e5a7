using GovPulse.Security.Audit;

namespace GovPulse.Security.Tests.Audit;

public sealed class AuditTextTests
{
    [Theory]
    [InlineData("e2e.admin", "e2e.admin")]
    [InlineData("key:k_1 (Phường Tân Định, một cửa)", "\"key:k_1 (Phường Tân Định, một cửa)\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    public void A_csv_field_is_quoted_when_needed_and_never_a_formula(string value, string field)
    {
        AuditCsv.Field(value).Should().Be(field);
    }

    [Fact]
    public void A_date_means_the_Vietnam_day_from_its_start_to_its_end()
    {
        AuditInstant.Parse("from", "2026-11-30", end: false, out var fromProblem).Should().Be(new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.FromHours(7)));
        AuditInstant.Parse("to", "2026-11-30", end: true, out var toProblem).Should().Be(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.FromHours(7)));
        fromProblem.Should().BeNull();
        toProblem.Should().BeNull();
    }

    [Theory]
    [InlineData("2026-11-30T08:00:00+07:00", "2026-11-30T01:00:00Z")]
    [InlineData("2026-11-30T01:00:00Z", "2026-11-30T01:00:00Z")]
    [InlineData("2026-11-30T08:00", "2026-11-30T01:00:00Z")]
    [InlineData("2026-11-30T08:00:00.250", "2026-11-30T01:00:00.25Z")]
    public void A_time_with_an_offset_is_that_instant_and_one_without_is_Vietnam_wall_time(string text, string utc)
    {
        AuditInstant.Parse("from", text, end: false, out var problem).Should().Be(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture));
        problem.Should().BeNull();
    }

    [Fact]
    public void A_bad_time_is_refused_naming_the_parameter_and_a_missing_one_is_open()
    {
        AuditInstant.Parse("to", "yesterday", end: true, out var problem).Should().BeNull();
        problem.Should().Be("to 'yesterday' is not a date (2026-11-30) or an ISO 8601 time (2026-11-30T08:00:00+07:00)");
        AuditInstant.Parse("from", null, end: false, out var none).Should().BeNull();
        none.Should().BeNull();
    }
}
