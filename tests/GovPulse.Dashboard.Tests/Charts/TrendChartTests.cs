using GovPulse.Dashboard.Apis;
using GovPulse.Dashboard.Charts;
using GovPulse.Indicators.Scoring;

namespace GovPulse.Dashboard.Tests.Charts;

public sealed class TrendChartTests
{
    private static readonly IReadOnlyDictionary<string, decimal> NoGroups = new Dictionary<string, decimal>();

    private static readonly IReadOnlyList<TrendPoint> ThreeMonths =
    [
        new("2026-09", 20.00m, "Yếu", NoGroups, ScorecardCounts.Zero, "live"),
        new("2026-10", 68.41m, "Trung bình", NoGroups, new ScorecardCounts(1200, 1100), "history"),
        new("2026-11", 72.30m, "Khá", NoGroups, new ScorecardCounts(900, 600), "live"),
    ];

    [Fact]
    public void The_chart_is_well_formed_svg_that_scales_and_names_itself()
    {
        var svg = ChartSvg.Parse(TrendChart.Render("Phường Tân Định", ThreeMonths, ChartOptions.Default));

        svg.Root.Name.Should().Be(ChartSvg.Svg + "svg");
        svg.Root.Attribute("viewBox")!.Value.Should().Be("0 0 640 280");
        svg.Root.Attribute("role")!.Value.Should().Be("img");
        svg.Root.Attribute("aria-labelledby")!.Value.Should().Be("chart-title chart-desc");
        svg.Title.Should().Be("Tổng điểm 3 tháng gần nhất — Phường Tân Định");
    }

    [Fact]
    public void The_text_alternative_carries_every_month_in_vietnamese_formats()
    {
        var svg = ChartSvg.Parse(TrendChart.Render("Phường Tân Định", ThreeMonths, ChartOptions.Default));

        svg.Description.Should().Be(
            "Tháng 9/2026: không có hồ sơ tiếp nhận; Tháng 10/2026: 68,41 điểm (Trung bình); Tháng 11/2026: 72,30 điểm (Khá).");
    }

    [Fact]
    public void English_words_and_numbers_on_request()
    {
        var svg = ChartSvg.Parse(TrendChart.Render("Phường Tân Định", ThreeMonths, ChartOptions.Default with { Language = ChartLanguage.English }));

        svg.Title.Should().Be("Total points, last 3 months — Phường Tân Định");
        svg.Description.Should().Contain("October 2026: 68.41 points (Average)").And.Contain("November 2026: 72.30 points (Fair)");
        svg.Root.Attribute(System.Xml.Linq.XNamespace.Xml + "lang")!.Value.Should().Be("en");
    }

    [Fact]
    public void Months_are_labelled_under_the_axis_and_the_line_has_a_marker_per_month_with_dossiers()
    {
        var svg = ChartSvg.Parse(TrendChart.Render("Phường Tân Định", ThreeMonths, ChartOptions.Default));

        svg.Texts.Should().Contain(["09/2026", "10/2026", "11/2026"]);
        svg.Root.Descendants(ChartSvg.Svg + "ellipse").Should().HaveCount(2, "September had no dossier, so it has no point");
        svg.Root.Descendants(ChartSvg.Svg + "path").Should().Contain(p => string.Equals((string?)p.Attribute("stroke"), ChartPalette.Light.Line, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Text_is_positioned_once_so_the_browser_lays_it_out_with_its_own_font()
    {
        var svg = ChartSvg.Parse(TrendChart.Render("Phường Tân Định", ThreeMonths, ChartOptions.Default));

        foreach (var text in svg.Root.Descendants(ChartSvg.Svg + "text"))
        {
            ((string?)text.Attribute("x") ?? "0").Should().NotContain(",");
            ((string?)text.Attribute("y") ?? "0").Should().NotContain(",");
            ((string?)text.Attribute("font-family")).Should().Be(AccessibleSvg.FontFamily);
        }
    }

    [Fact]
    public void The_same_figures_give_the_same_bytes_so_the_etag_holds()
    {
        // In parallel, as a busy node draws them: ScottPlot's own ids come from a process-wide counter.
        var drawings = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.For(0, 8, _ => drawings.Add(TrendChart.Render("Phường Tân Định", ThreeMonths, ChartOptions.Default)));

        drawings.Distinct().Should().ContainSingle();
        ChartSvg.Parse(drawings.First()).Root.Descendants(ChartSvg.Svg + "clipPath").Select(c => (string?)c.Attribute("id")).Should().OnlyHaveUniqueItems().And.Contain("clip-1");
    }

    [Fact]
    public void The_dark_theme_draws_on_the_dark_card_colour()
    {
        var svg = TrendChart.Render("Phường Tân Định", ThreeMonths, ChartOptions.Default with { Theme = ChartTheme.Dark });

        svg.Should().Contain($"fill=\"{ChartPalette.Dark.Background.ToUpperInvariant()}\"").And.NotContain("fill=\"#FFFFFF\"");
    }

    [Fact]
    public void A_phone_sized_chart_thins_the_month_labels_but_keeps_the_latest()
    {
        var year = Enumerable.Range(0, 12)
            .Select(i => new TrendPoint($"{(i < 2 ? 2025 : 2026)}-{(i < 2 ? 11 + i : i - 1):00}", 60m + i, "Trung bình", NoGroups, new ScorecardCounts(10, 5), "live"))
            .ToList();

        var svg = ChartSvg.Parse(TrendChart.Render("Thành phố Hồ Chí Minh", year, ChartOptions.Default with { Width = 320, Height = 180 }));

        var monthLabels = svg.Texts.Where(t => t.Contains('/', StringComparison.Ordinal)).ToList();
        monthLabels.Should().HaveCountLessThan(12).And.Contain("10/2026");
        svg.Description.Split("; ").Should().HaveCount(12, "the text alternative keeps every month");
    }
}
