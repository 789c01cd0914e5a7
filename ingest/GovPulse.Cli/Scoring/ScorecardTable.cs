using GovPulse.Indicators.Scoring;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace GovPulse.Cli.Scoring;

/// <summary>
/// A scorecard as a table with the portal's Vietnamese words (glossary-vi.md): each group with its
/// score, its indicators with numerator, denominator, ratio and points, then the total and band.
/// </summary>
public static class ScorecardTable
{
    public const string NoData = "Không có dữ liệu";

    public static IRenderable Render(ScorecardScore score, string source)
    {
        ArgumentNullException.ThrowIfNull(score);
        var table = new Table().Border(TableBorder.Rounded)
            .Title(Markup.Escape($"Bộ chỉ số 766 — {source}"))
            .AddColumn("Nhóm / Chỉ tiêu")
            .AddColumn(new TableColumn("Tử số").RightAligned())
            .AddColumn(new TableColumn("Mẫu số").RightAligned())
            .AddColumn(new TableColumn("Tỷ lệ").RightAligned())
            .AddColumn(new TableColumn("Điểm").RightAligned())
            .AddColumn(new TableColumn("Điểm tối đa").RightAligned());
        foreach (var group in score.Groups)
        {
            var definition = IndicatorCatalog.Get(group.Code);
            table.AddRow(
                new Markup($"[bold]{Markup.Escape(definition.Vietnamese)}[/]"),
                Text.Empty,
                Text.Empty,
                Text.Empty,
                new Markup($"[bold]{VietnameseNumbers.Points(group.Score)}[/]"),
                new Markup($"[bold]{VietnameseNumbers.Points(group.Max)}[/]"));
            foreach (var indicator in group.Indicators)
            {
                var name = IndicatorCatalog.Get(indicator.Code).Vietnamese;
                var missing = score.Missing.Contains(indicator.Code);
                var displayOnly = IndicatorCatalog.Get(indicator.Code).IsDisplayOnly;
                table.AddRow(
                    new Text("  " + name),
                    new Text(indicator.Numerator is { } n ? VietnameseNumbers.Count(n) : "–"),
                    new Text(indicator.Denominator is { } d ? VietnameseNumbers.Count(d) : "–"),
                    new Text(missing ? "Không có trong tệp" : indicator.NoData ? NoData : displayOnly ? VietnameseNumbers.Points(indicator.Ratio) + " ngày" : VietnameseNumbers.Percent(indicator.Ratio)),
                    new Text(displayOnly ? "–" : VietnameseNumbers.Points(indicator.Points)),
                    new Text(displayOnly ? "–" : VietnameseNumbers.Points(indicator.Max)));
            }
        }

        table.Caption(Markup.Escape($"Tổng điểm: {VietnameseNumbers.Points(score.Total)} / {VietnameseNumbers.Points(IndicatorCatalog.MaxTotal)} · Xếp loại: {score.Band.Vietnamese}"));
        var missingScored = score.Missing.Where(c => !IndicatorCatalog.Get(c).IsDisplayOnly).ToList();
        if (missingScored.Count == 0)
        {
            return table;
        }

        var note = new Markup(Markup.Escape(
            $"Chỉ tiêu không có trong tệp (tính 0 điểm): {string.Join("; ", missingScored.Select(c => IndicatorCatalog.Get(c).Vietnamese))}."));
        return new Rows(table, note);
    }
}
