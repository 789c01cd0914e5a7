using GovPulse.Dashboard.Apis;
using GovPulse.Indicators.Periods;

namespace GovPulse.Dashboard.Tests.Apis;

public sealed class PreviousPeriodTests
{
    [Theory]
    [InlineData("2026-11", "2026-10")]
    [InlineData("2026-01", "2025-12")]
    [InlineData("2026-Q1", "2025-Q4")]
    [InlineData("2026-Q3", "2026-Q2")]
    [InlineData("2026", "2025")]
    [InlineData("2026-11-01..2026-11-15", "2026-10-17..2026-10-31")]
    [InlineData("2026-03-01..2026-03-01", "2026-02-28..2026-02-28")]
    public void The_previous_period_is_the_one_of_the_same_kind_just_before(string period, string previous)
    {
        Period.TryParse(period, out var parsed, out _).Should().BeTrue();

        PreviousPeriod.Of(parsed).Label.Should().Be(previous);
    }
}
