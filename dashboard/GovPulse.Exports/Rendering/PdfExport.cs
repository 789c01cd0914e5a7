using GovPulse.Dashboard.Queries;
using GovPulse.Exports.Documents;
using GovPulse.Indicators.Scoring;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace GovPulse.Exports.Rendering;

/// <summary>
/// PDF (PDFsharp 6.2.4, bundled DejaVu Sans): pages an auditor can file. The title, the level or
/// unit, the period, the as-of instant, the rule set and the figures' SHA-256 head the first page;
/// then the table (a ranking flows over as many pages as it needs, its header repeated), the chart,
/// a sign-off block and page numbers. The same document gives the same bytes
/// (<see cref="ReproduciblePdf"/>).
/// </summary>
public static class PdfExport
{
    public const string ContentType = "application/pdf";

    /// <summary>Ranked units per chart page: bars stay readable once the chart is scaled to the page.</summary>
    internal const int UnitsPerChartPage = 30;

    private const double RowHeight = 14;

    /// <summary>Room for a head of two lines (the groups' names in a ranking's narrow columns).</summary>
    private const double HeadHeight = 24;

    private static readonly XColor HeadFill = XColor.FromArgb(0xee, 0xf1, 0xf4);

    public static byte[] Ranking(RankingExport ranking)
    {
        ArgumentNullException.ThrowIfNull(ranking);
        using var culture = CultureScope.Invariant();
        var words = ExportWords.For(ranking.English);
        var title = words.RankingTitle(ranking.Level, ranking.Period);
        using var document = new PdfDocument();
        ReproduciblePdf.Prepare(document, ranking.Stamp, title);
        using (var layout = new PdfLayout(document, landscape: true))
        {
            Heading(layout, words, title, [$"{words.LevelHeading}: {words.Level(ranking.Level)}"], ranking.Period, ranking.Stamp);

            var fixedWidth = 30 + 190 + 52 + 104;
            var groupWidth = (layout.ContentWidth - fixedWidth) / IndicatorCatalog.Groups.Count;
            var head = new List<(string, double, XStringFormat)>
            {
                (words.Rank, 30, XStringFormats.CenterRight),
                (words.Unit, 190, XStringFormats.CenterLeft),
                (words.Total, 52, XStringFormats.CenterRight),
                (words.Band, 104, XStringFormats.CenterLeft),
            };
            head.AddRange(IndicatorCatalog.Groups.Select(g => (words.GroupName(g.Code), groupWidth, XStringFormats.CenterRight)));
            layout.Row(head, layout.Bold, HeadHeight, HeadFill);
            foreach (var row in ranking.Units)
            {
                if (layout.Ensure(RowHeight))
                {
                    layout.Row(head, layout.Bold, HeadHeight, HeadFill);
                }

                var unit = row.Unit;

                // A unit without dossiers has only the no-data rules' points: no score to show (issue 12).
                var cells = new List<(string, double, XStringFormat)>
                {
                    (row.Rank?.ToString(words.Culture) ?? string.Empty, 30, XStringFormats.CenterRight),
                    (unit.Name, 190, XStringFormats.CenterLeft),
                    (row.IsRanked ? Points(unit.Total, words) : string.Empty, 52, XStringFormats.CenterRight),
                    (row.IsRanked ? words.BandName(unit.Band) : words.NoDossiers, 104, XStringFormats.CenterLeft),
                };
                cells.AddRange(IndicatorCatalog.Groups.Select(g =>
                    (row.IsRanked ? Points(unit.Groups.FirstOrDefault(s => s.Code == g.Code)?.Score, words) : string.Empty, groupWidth, XStringFormats.CenterRight)));
                layout.Row(cells, layout.Regular, RowHeight);
            }

            var ranked = ChartExport.Ranked(ranking);
            for (var from = 0; from < ranked.Count; from += UnitsPerChartPage)
            {
                layout.NewPage();
                var share = ranked.Skip(from).Take(UnitsPerChartPage).ToList();
                layout.Image(ChartExport.RankingPng(ranking, share, showLeftOut: from == 0), layout.Bottom - layout.Y);
            }

            SignOff(layout, words);
            layout.Footers(words, Footer(words, ranking.Stamp));
        }

        return Save(document, ranking.Stamp);
    }

    public static byte[] Scorecard(ScorecardExport scorecard)
    {
        ArgumentNullException.ThrowIfNull(scorecard);
        using var culture = CultureScope.Invariant();
        var words = ExportWords.For(scorecard.English);
        var card = scorecard.Scorecard;
        var title = words.ScorecardTitle(scorecard.Unit.Name, scorecard.Period);
        using var document = new PdfDocument();
        ReproduciblePdf.Prepare(document, scorecard.Stamp, title);
        using (var layout = new PdfLayout(document, landscape: false))
        {
            var facts = new List<string>
            {
                $"{words.Unit}: {scorecard.Unit.Name} ({words.UnitCode}: {scorecard.Unit.Code})",
                card.NoDossiers
                    ? $"{words.Total}: — ({words.NoDossiers})"
                    : $"{words.Total}: {Points(card.Total, words)} / {Points(IndicatorCatalog.MaxTotal, words)} — {words.Band}: {words.BandName(card.Band)}",
                $"{words.Received}: {card.Counts.Received.ToString("#,##0", words.Culture)}",
            };
            Heading(layout, words, title, facts, scorecard.Period, scorecard.Stamp);

            var widths = new[] { 253d, 55, 55, 50, 55, 55 };
            var head = new List<(string, double, XStringFormat)>
            {
                (words.Indicator, widths[0], XStringFormats.CenterLeft),
                (words.Numerator, widths[1], XStringFormats.CenterRight),
                (words.Denominator, widths[2], XStringFormats.CenterRight),
                (words.Ratio, widths[3], XStringFormats.CenterRight),
                (words.Points, widths[4], XStringFormats.CenterRight),
                (words.MaxPoints, widths[5], XStringFormats.CenterRight),
            };
            layout.Row(head, layout.Bold, HeadHeight, HeadFill);
            foreach (var group in card.Groups)
            {
                if (layout.Ensure(RowHeight * 2))
                {
                    layout.Row(head, layout.Bold, HeadHeight, HeadFill);
                }

                layout.Row(
                    [
                        (words.GroupName(group.Code), widths[0] + widths[1] + widths[2] + widths[3], XStringFormats.CenterLeft),
                        (Points(group.Score, words), widths[4], XStringFormats.CenterRight),
                        (Points(group.Max, words), widths[5], XStringFormats.CenterRight),
                    ],
                    layout.Bold,
                    RowHeight,
                    HeadFill);
                foreach (var indicator in group.Indicators)
                {
                    if (layout.Ensure(RowHeight))
                    {
                        layout.Row(head, layout.Bold, HeadHeight, HeadFill);
                    }

                    layout.Row(
                        [
                            (words.IndicatorName(indicator.Code), widths[0], XStringFormats.CenterLeft),
                            (Count(indicator.Numerator, words), widths[1], XStringFormats.CenterRight),
                            (Count(indicator.Denominator, words), widths[2], XStringFormats.CenterRight),
                            (indicator.NoData ? words.NoData : Points(indicator.Ratio, words), widths[3], XStringFormats.CenterRight),
                            (Points(indicator.Points, words), widths[4], XStringFormats.CenterRight),
                            (Points(indicator.Max, words), widths[5], XStringFormats.CenterRight),
                        ],
                        layout.Regular,
                        RowHeight);
                }
            }

            layout.Y += 10;
            layout.Image(ChartExport.TrendPng(scorecard), 300);
            SignOff(layout, words);
            layout.Footers(words, Footer(words, scorecard.Stamp));
        }

        return Save(document, scorecard.Stamp);
    }

    private static void Heading(PdfLayout layout, ExportWords words, string title, IEnumerable<string> facts, Indicators.Periods.Period period, ExportStamp stamp)
    {
        layout.Line(title, layout.Title, 20);
        foreach (var fact in facts)
        {
            layout.Line(fact, layout.Regular);
        }

        layout.Line($"{words.PeriodHeading}: {words.PeriodName(period)} ({period.Label})", layout.Regular);
        layout.Line($"{words.AsOf}: {AsOfParameter.Format(stamp.AsOf)}", layout.Regular);
        layout.Line($"{words.RuleSet}: {stamp.RuleSet}", layout.Regular);
        layout.Line($"{words.FiguresSha256}: {stamp.FiguresSha256}", layout.Regular);
        layout.Line($"{words.Request}: {stamp.Request}", layout.Small);
        layout.Y += 8;
    }

    /// <summary>The box an auditor signs on paper: "checked", name, signature and date lines.</summary>
    private static void SignOff(PdfLayout layout, ExportWords words)
    {
        const double height = 96;
        const double width = 300;
        layout.Y += 12;
        layout.Ensure(height);
        var x = PdfLayout.Left + layout.ContentWidth - width;
        var top = layout.Y;
        var graphics = layout.Graphics;
        graphics.DrawRectangle(new XPen(XColors.DimGray, 0.75), x, top, width, height);
        graphics.DrawString(words.Checked, layout.Bold, XBrushes.Black, new XRect(x + 8, top + 4, width - 16, 14), XStringFormats.CenterLeft);
        var lines = new[] { words.CheckedBy, words.Signature, words.Date };
        for (var i = 0; i < lines.Length; i++)
        {
            var y = top + 30 + (i * 22);
            graphics.DrawString(lines[i] + ":", layout.Regular, XBrushes.Black, new XRect(x + 8, y - 12, 120, 12), XStringFormats.BottomLeft);
            graphics.DrawLine(new XPen(XColors.DimGray, 0.5), x + 130, y, x + width - 8, y);
        }

        layout.Y = top + height;
    }

    private static string Footer(ExportWords words, ExportStamp stamp) =>
        $"GovPulse · {stamp.RuleSet} · {words.AsOf}: {AsOfParameter.Format(stamp.AsOf)} · SHA-256 {stamp.FiguresSha256[..Math.Min(16, stamp.FiguresSha256.Length)]}…";

    private static byte[] Save(PdfDocument document, ExportStamp stamp)
    {
        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return ReproduciblePdf.Normalise(stream.ToArray(), stamp);
    }

    private static string Points(decimal? value, ExportWords words) => value is { } v ? v.ToString("0.00", words.Culture) : "—";

    private static string Count(decimal? value, ExportWords words) => value is { } v ? v.ToString("#,##0.##", words.Culture) : "—";
}
