using System.Xml.Linq;
using GovPulse.Exports.Rendering;
using GovPulse.Indicators.Scoring;
using SkiaSharp;

namespace GovPulse.Exports.Tests;

public sealed class ChartExportTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void The_ranking_png_decodes_at_a_fixed_width_and_a_height_that_grows_with_the_ranked_units()
    {
        var ranking = SampleExports.Communes();
        var ranked = ranking.Units.Count(u => u.IsRanked);

        using var png = SKBitmap.Decode(ChartExport.RankingPng(ranking));

        png.Should().NotBeNull();
        png.Width.Should().Be(1200);
        png.Height.Should().Be(130 + (22 * ranked));
    }

    [Fact]
    public void The_ranking_svg_is_well_formed_and_names_the_ranked_units_with_their_band_colour()
    {
        var ranking = SampleExports.Communes();

        var svg = XDocument.Parse(System.Text.Encoding.UTF8.GetString(ChartExport.RankingSvg(ranking)));

        svg.Root!.Name.Should().Be(Svg + "svg");
        svg.Root.Element(Svg + "title")!.Value.Should().Be("Bảng xếp hạng — Phường, xã, đặc khu — Tháng 11/2026");
        var text = string.Join("\n", svg.Descendants(Svg + "text").Select(t => t.Value));
        var description = svg.Root.Element(Svg + "desc")!.Value;
        foreach (var unit in ranking.Units.Where(u => u.IsRanked))
        {
            text.Should().Contain($"{unit.Rank}. {unit.Unit.Name}");
            description.Should().Contain($"{unit.Rank}. {unit.Unit.Name}: ");
        }

        // Units without dossiers are not ranked, so they have no bar: the title says how many were left out.
        foreach (var unit in ranking.Units.Where(u => !u.IsRanked))
        {
            text.Should().NotContain(unit.Unit.Name);
        }

        text.Should().Contain("2 đơn vị không thể hiện: chưa có hồ sơ trong kỳ (không xếp hạng)");
        var good = Dashboard.Charts.BandPalette.Of(Band.Good);
        svg.ToString().Should().ContainEquivalentOf($"fill=\"{good}\"", "a unit in the Good band has a bar in its colour");
    }

    [Fact]
    public void Charts_draw_with_the_bundled_font_not_whatever_the_machine_has()
    {
        Rendering.Fonts.ChartFonts.Install();
        Rendering.Fonts.ChartFonts.Install();

        // Asked before the system's fonts, exactly once, and only for its own family name.
        var ours = ScottPlot.Fonts.FontResolvers.OfType<Rendering.Fonts.ChartFonts>().Should().ContainSingle().Subject;
        ScottPlot.Fonts.FontResolvers[0].Should().BeSameAs(ours);
        ours.CreateTypeface("Arial", bold: false, italic: false).Should().BeNull();
        using var typeface = ours.CreateTypeface(Rendering.Fonts.BundledFonts.Family, bold: true, italic: false);
        typeface!.FamilyName.Should().Be("DejaVu Sans");
        typeface.IsBold.Should().BeTrue();
        typeface.ContainsGlyphs("Thắng Đức Hồ Chí Minh").Should().BeTrue();
    }

    [Fact]
    public void The_trend_png_and_svg_have_a_line_per_group_over_the_months()
    {
        var export = SampleExports.Scorecard(english: true);

        using var png = SKBitmap.Decode(ChartExport.TrendPng(export));
        var svg = XDocument.Parse(System.Text.Encoding.UTF8.GetString(ChartExport.TrendSvg(export)));

        png.Width.Should().Be(1200);
        png.Height.Should().Be(600);
        svg.Root!.Element(Svg + "title")!.Value.Should().Be("Group points by month — Phường Vũng Tàu");
        var text = string.Join("\n", svg.Descendants(Svg + "text").Select(t => t.Value));
        foreach (var group in IndicatorCatalog.Groups)
        {
            text.Should().Contain(group.English);
        }

        text.Should().Contain("12/2025").And.Contain("11/2026");
        svg.Root.Element(Svg + "desc")!.Value.Should().Contain("03/2026: No dossiers in the period");
    }
}
