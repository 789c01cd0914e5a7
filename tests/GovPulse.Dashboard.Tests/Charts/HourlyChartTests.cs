using GovPulse.Dashboard.Charts;
using GovPulse.Grains;
using GovPulse.Indicators.Scoring;

namespace GovPulse.Dashboard.Tests.Charts;

public sealed class HourlyChartTests
{
    private static readonly DateOnly Day = new(2026, 11, 23);

    private static HistoryPoint Hour(int hour, decimal total, string band, bool late = false) => new(
        new DateTimeOffset(2026, 11, 23, hour, 0, 0, TimeSpan.FromHours(7)),
        "2026-11",
        total,
        band,
        new Dictionary<string, decimal>(),
        new ScorecardCounts(100, 50),
        late);

    [Fact]
    public void Each_published_hour_is_a_point_named_by_its_local_time()
    {
        var hours = new[] { Hour(8, 71.02m, "Khá"), Hour(9, 71.40m, "Khá", late: true), Hour(10, 70.95m, "Khá") };

        var svg = ChartSvg.Parse(HourlyChart.Render("Thành phố Hồ Chí Minh", Day, hours, ChartOptions.Default));

        svg.Title.Should().Be("Tổng điểm theo giờ ngày 23/11/2026 — Thành phố Hồ Chí Minh");
        svg.Description.Should().Be("08:00: 71,02 điểm (Khá); 09:00: 71,40 điểm (Khá), công bố muộn; 10:00: 70,95 điểm (Khá).");
        svg.Texts.Should().Contain(["08:00", "09:00", "10:00"]);
        svg.Root.Descendants(ChartSvg.Svg + "ellipse").Should().HaveCount(3);
    }

    [Fact]
    public void Hours_published_in_another_offset_are_shown_in_vietnam_time()
    {
        var utc = Hour(8, 71.02m, "Khá") with { At = new DateTimeOffset(2026, 11, 23, 1, 0, 0, TimeSpan.Zero) };

        var svg = ChartSvg.Parse(HourlyChart.Render("Thành phố Hồ Chí Minh", Day, [utc], ChartOptions.Default));

        svg.Description.Should().StartWith("08:00: ");
    }

    [Fact]
    public void A_day_without_a_published_hour_says_so_in_the_picture_and_in_words()
    {
        var svg = ChartSvg.Parse(HourlyChart.Render("Phường Tân Định", Day, [], ChartOptions.Default));

        svg.Texts.Should().Contain("Chưa có số liệu");
        svg.Description.Should().Be("Chưa có số liệu.");
    }

    [Fact]
    public void Words_that_need_escaping_stay_well_formed()
    {
        var svg = ChartSvg.Parse(HourlyChart.Render("Sở <Tư pháp> & \"Nội vụ\"", Day, [Hour(8, 71m, "Khá")], ChartOptions.Default));

        svg.Title.Should().Contain("Sở <Tư pháp> & \"Nội vụ\"");
    }
}
