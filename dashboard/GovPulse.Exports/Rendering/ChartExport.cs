using System.Globalization;
using System.Text;
using GovPulse.Dashboard.Charts;
using GovPulse.Exports.Documents;
using GovPulse.Exports.Rendering.Fonts;
using GovPulse.Indicators.Scoring;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace GovPulse.Exports.Rendering;

/// <summary>
/// Charts (ScottPlot) as PNG and SVG: the ranking as bars coloured by band, a unit's monthly trend
/// per group. Drawn with the bundled DejaVu Sans at fixed sizes, so the same document gives the
/// same bytes; the SVG goes through the dashboard's <see cref="AccessibleSvg"/> (title, every figure
/// in its description, clip ids numbered per chart).
/// </summary>
public static class ChartExport
{
    public const string PngContentType = "image/png";
    public const string SvgContentType = "image/svg+xml; charset=utf-8";

    /// <summary>Every chart is this wide; a ranking grows by <see cref="BarHeight"/> per unit.</summary>
    public const int Width = 1200;

    public const int TrendHeight = 600;

    internal const int BarHeight = 22;

    private const int RankingChrome = 130;
    private const int NameColumn = 330;
    private const int LegendColumn = 150;

    public static byte[] RankingPng(RankingExport ranking)
    {
        using var culture = CultureScope.Invariant();
        return RankingPng(ranking, Ranked(ranking), showLeftOut: true);
    }

    public static byte[] RankingSvg(RankingExport ranking)
    {
        ArgumentNullException.ThrowIfNull(ranking);
        using var culture = CultureScope.Invariant();
        var units = Ranked(ranking);
        var words = ExportWords.For(ranking.English);
        var height = RankingHeight(units.Count);
        var svg = RankingPlot(ranking, units, showLeftOut: true).GetSvgXml(Width, height);
        var description = string.Join("; ", units.Select(u => string.Create(
            CultureInfo.InvariantCulture,
            $"{u.Rank}. {u.Unit.Name}: {Points(u.Unit.Total, words)} ({words.BandName(u.Unit.Band)})")));
        return Svg(svg, height, words.RankingTitle(ranking.Level, ranking.Period), description, ranking.English);
    }

    public static byte[] TrendPng(ScorecardExport scorecard)
    {
        ArgumentNullException.ThrowIfNull(scorecard);
        using var culture = CultureScope.Invariant();
        return TrendPlot(scorecard).GetImageBytes(Width, TrendHeight, ImageFormat.Png);
    }

    public static byte[] TrendSvg(ScorecardExport scorecard)
    {
        ArgumentNullException.ThrowIfNull(scorecard);
        using var culture = CultureScope.Invariant();
        var words = ExportWords.For(scorecard.English);
        var svg = TrendPlot(scorecard).GetSvgXml(Width, TrendHeight);
        var description = string.Join("; ", scorecard.Trend.Select(month =>
            month.NoDossiers
                ? $"{MonthTick(month)}: {words.NoDossiers}"
                : $"{MonthTick(month)}: " + string.Join(", ", month.Groups.Select(g => $"{words.GroupName(g.Code)} {Points(g.Score, words)}/{Points(g.Max, words)}"))));
        return Svg(svg, TrendHeight, words.TrendTitle(scorecard.Unit.Name), description, scorecard.English);
    }

    /// <summary>The ranked units, best first: units without dossiers have no place on a ranking chart.</summary>
    internal static IReadOnlyList<RankedUnit<Scorecard>> Ranked(RankingExport ranking)
    {
        ArgumentNullException.ThrowIfNull(ranking);
        return ranking.Units.Where(u => u.IsRanked).ToList();
    }

    /// <summary>A ranking chart of some of the ranked units (a PDF page's share), or all of them.</summary>
    internal static byte[] RankingPng(RankingExport ranking, IReadOnlyList<RankedUnit<Scorecard>> units, bool showLeftOut) =>
        RankingPlot(ranking, units, showLeftOut).GetImageBytes(Width, RankingHeight(units.Count), ImageFormat.Png);

    internal static int RankingHeight(int units) => RankingChrome + (BarHeight * Math.Max(units, 1));

    private static Plot RankingPlot(RankingExport ranking, IReadOnlyList<RankedUnit<Scorecard>> units, bool showLeftOut)
    {
        var words = ExportWords.For(ranking.English);
        var plot = NewPlot();
        var bars = new List<Bar>(units.Count);
        var positions = new double[units.Count];
        var labels = new string[units.Count];
        for (var i = 0; i < units.Count; i++)
        {
            var unit = units[i];

            // Best at the top: the first unit takes the highest position.
            var position = units.Count - 1 - i;
            var total = (double)(unit.Unit.Total ?? 0m);
            bars.Add(new Bar
            {
                Position = position,
                Value = total,
                FillColor = Color.FromHex(BandPalette.Of(Band.FromVietnamese(unit.Unit.Band))),
                LineWidth = 0,
                Size = 0.75,
                Label = Points(unit.Unit.Total, words),
            });
            positions[i] = position;
            labels[i] = string.Create(CultureInfo.InvariantCulture, $"{unit.Rank}. {unit.Unit.Name}");
        }

        if (bars.Count > 0)
        {
            var plottable = plot.Add.Bars(bars);
            plottable.Horizontal = true;
            plottable.ValueLabelStyle.FontName = BundledFonts.Family;
            plottable.ValueLabelStyle.FontSize = 12;
        }

        foreach (var band in Band.All)
        {
            plot.Legend.ManualItems.Add(new LegendItem
            {
                LabelText = words.BandName(band.Vietnamese),
                FillColor = Color.FromHex(BandPalette.Of(band)),
            });
        }

        plot.Legend.IsVisible = true;
        plot.Legend.FontName = BundledFonts.Family;
        plot.ShowLegend(Edge.Right);
        plot.Axes.Left.TickGenerator = new NumericManual(positions, labels);
        plot.Axes.Left.TickLabelStyle.FontSize = 13;
        plot.Axes.Bottom.Label.Text = words.Total;
        var tens = Enumerable.Range(0, 11).Select(i => i * 10.0).ToArray();
        plot.Axes.Bottom.TickGenerator = new NumericManual(tens, tens.Select(v => v.ToString("0", words.Culture)).ToArray());
        plot.Axes.SetLimits(0, 108, -0.75, Math.Max(units.Count, 1) - 0.25);

        var unranked = ranking.Units.Count(u => !u.IsRanked);
        var title = words.RankingTitle(ranking.Level, ranking.Period);
        plot.Title(showLeftOut && unranked > 0 ? title + "\n" + words.UnrankedLeftOut(unranked) : title, size: 16);
        plot.Layout.Fixed(new PixelPadding(NameColumn, LegendColumn, 50, showLeftOut && unranked > 0 ? 62 : 40));
        return plot;
    }

    private static Plot TrendPlot(ScorecardExport scorecard)
    {
        var words = ExportWords.For(scorecard.English);
        var plot = NewPlot();
        var months = scorecard.Trend;
        var colours = new[] { "#0b3d6b", "#b3261e", "#0b5130", "#6b3300", "#5b2a86", "#505b67" };
        var maxima = 0m;
        for (var g = 0; g < IndicatorCatalog.Groups.Count; g++)
        {
            var group = IndicatorCatalog.Groups[g];
            maxima = Math.Max(maxima, group.Max);

            // A month without a received dossier has no score to show (issue 12): left out of the line.
            var xs = new List<double>();
            var ys = new List<double>();
            for (var m = 0; m < months.Count; m++)
            {
                var score = months[m].Groups.FirstOrDefault(s => s.Code == group.Code);
                if (!months[m].NoDossiers && score is not null)
                {
                    xs.Add(m);
                    ys.Add((double)score.Score);
                }
            }

            var line = plot.Add.Scatter(xs.ToArray(), ys.ToArray());
            line.Color = Color.FromHex(colours[g % colours.Length]);
            line.LineWidth = 2.5f;
            line.MarkerSize = 7;
            line.LegendText = words.GroupName(group.Code);
        }

        plot.Legend.IsVisible = true;
        plot.Legend.Alignment = Alignment.UpperLeft;
        plot.Legend.FontName = BundledFonts.Family;
        plot.ShowLegend(Edge.Right);
        var ticks = Enumerable.Range(0, months.Count).Select(i => (double)i).ToArray();
        plot.Axes.Bottom.TickGenerator = new NumericManual(ticks, months.Select(MonthTick).ToArray());
        plot.Axes.Bottom.Label.Text = words.MonthHeading;
        plot.Axes.Left.Label.Text = words.Points;
        plot.Axes.Left.TickGenerator = new NumericAutomatic { LabelFormatter = v => v.ToString("0.#", words.Culture) };
        plot.Axes.SetLimits(-0.5, Math.Max(months.Count, 1) - 0.5, 0, (double)maxima + 1);
        plot.Title(words.TrendTitle(scorecard.Unit.Name), size: 16);
        return plot;
    }

    private static Plot NewPlot()
    {
        ChartFonts.Install();
        var palette = ChartPalette.Light;
        var plot = new Plot();
        plot.Font.Set(BundledFonts.Family);
        plot.FigureBackground.Color = Color.FromHex(palette.Background);
        plot.DataBackground.Color = Color.FromHex(palette.Background);
        plot.Axes.Color(Color.FromHex(palette.Ink));
        plot.Grid.MajorLineColor = Color.FromHex(palette.Grid);
        plot.Axes.Top.FrameLineStyle.Width = 0;
        plot.Axes.Right.FrameLineStyle.Width = 0;
        return plot;
    }

    private static byte[] Svg(string svg, int height, string title, string description, bool english)
    {
        var language = english ? ChartLanguage.English : ChartLanguage.Vietnamese;
        var accessible = AccessibleSvg.From(svg, Width, height, title, description, ChartWords.For(language), ChartPalette.Light);
        return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(accessible);
    }

    private static string MonthTick(Scorecard month) =>
        Indicators.Periods.Period.TryParse(month.Period, out var period, out _) ? ChartWords.MonthTick(period.FirstDay) : month.Period;

    private static string Points(decimal? value, ExportWords words) => value is { } v ? v.ToString("0.00", words.Culture) : "—";
}
