using ScottPlot;
using ScottPlot.TickGenerators;

namespace GovPulse.Dashboard.Charts;

/// <summary>
/// The one drawing both dashboard charts share: total points over time as a line with a marker per
/// figure, the y axis fitted to the figures (so a leader sees a move of one point) within 0..100,
/// time labels thinned to fit the width, and the accessible SVG around it.
/// </summary>
public static class TotalsPlot
{
    private const int PadLeft = 40;
    private const int PadRight = 30;
    private const int PadBottom = 26;
    private const int PadTop = 12;
    private const double TickCharWidth = 7.5;
    private const double MinSpan = 5;

    public static string Draw(string title, IReadOnlyList<TotalPoint> points, ChartOptions options)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(options);
        var words = ChartWords.For(options.Language);
        var palette = ChartPalette.For(options.Theme);
        var known = points.Where(p => p.Total is not null).ToList();

        var plot = new Plot();
        plot.Font.Set("DejaVu Sans");
        plot.FigureBackground.Color = Color.FromHex(palette.Background);
        plot.DataBackground.Color = Color.FromHex(palette.Background);
        plot.Axes.Color(Color.FromHex(palette.Ink));
        plot.Grid.MajorLineColor = Color.FromHex(palette.Grid);
        plot.Axes.Top.FrameLineStyle.Width = 0;
        plot.Axes.Right.FrameLineStyle.Width = 0;
        plot.Layout.Fixed(new PixelPadding(PadLeft, PadRight, PadBottom, PadTop));

        if (known.Count > 0)
        {
            var line = plot.Add.Scatter(known.Select(p => p.X).ToArray(), known.Select(p => (double)p.Total!.Value).ToArray());
            line.Color = Color.FromHex(palette.Line);
            line.LineWidth = 2.5f;
            line.MarkerSize = 7;
        }

        var (low, high) = YRange(known);
        var left = points.Count > 0 ? points.Min(p => p.X) : 0;
        var right = points.Count > 0 ? points.Max(p => p.X) : 1;
        plot.Axes.SetLimits(left - 0.5, right + 0.5, low, high);
        plot.Axes.Left.TickGenerator = new NumericAutomatic { LabelFormatter = words.Axis, TargetTickCount = Math.Max(2, (options.Height - PadTop - PadBottom) / 40) };
        var ticks = Thinned(points, options.Width - PadLeft - PadRight);
        plot.Axes.Bottom.TickGenerator = new NumericManual(ticks.Select(p => p.X).ToArray(), ticks.Select(p => p.Tick).ToArray());

        var svg = plot.GetSvgXml(options.Width, options.Height);
        return AccessibleSvg.From(svg, options.Width, options.Height, title, words.Describe(points), words, palette, known.Count == 0 ? words.NothingYet : null);
    }

    /// <summary>The figures' range with a little room, at least <see cref="MinSpan"/> points tall, inside 0..100.</summary>
    private static (double Low, double High) YRange(List<TotalPoint> known)
    {
        if (known.Count == 0)
        {
            return (0, 100);
        }

        var min = (double)known.Min(p => p.Total!.Value);
        var max = (double)known.Max(p => p.Total!.Value);
        var room = Math.Max((max - min) * 0.15, (MinSpan - (max - min)) / 2);
        var low = Math.Max(0, min - Math.Max(room, 0.5));
        var high = Math.Min(100, max + Math.Max(room, 0.5));
        if (high - low < MinSpan)
        {
            if (low <= 0)
            {
                high = Math.Min(100, low + MinSpan);
            }
            else
            {
                low = Math.Max(0, high - MinSpan);
            }
        }

        return (Math.Floor(low), Math.Ceiling(high));
    }

    /// <summary>As many time labels as fit side by side, always the latest one.</summary>
    private static List<TotalPoint> Thinned(IReadOnlyList<TotalPoint> points, int plotWidth)
    {
        if (points.Count == 0)
        {
            return [];
        }

        var widest = points.Max(p => p.Tick.Length) * TickCharWidth + 10;
        var fit = Math.Max(1, (int)(plotWidth / widest));
        var step = (int)Math.Ceiling(points.Count / (double)fit);
        return points.Where((_, i) => (points.Count - 1 - i) % step == 0).ToList();
    }
}
