using GovPulse.Dashboard.Queries;
using GovPulse.Exports.Documents;
using GovPulse.Indicators.Scoring;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;

namespace GovPulse.Exports.Rendering;

/// <summary>
/// Excel (MiniExcel): a summary sheet shaped like the national portal's ranking (STT, unit, the six
/// groups, total, band), one sheet per group with each indicator's numerator, denominator, ratio and
/// points, and an "about" sheet stating the title, period, as-of instant, rule set and figures hash.
/// Every sheet has a frozen header row and an autofilter; figures are numbers with formats (0.00
/// for points and ratios, #,##0 for counts), never text. The archive is rewritten with fixed entry
/// times, so the same document gives the same bytes.
/// </summary>
public static class XlsxExport
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private const string Decimal = "0.00";
    private const string Count = "#,##0";

    public static byte[] Ranking(RankingExport ranking)
    {
        ArgumentNullException.ThrowIfNull(ranking);
        var words = ExportWords.For(ranking.English);
        var columns = new Columns();
        var sheets = new Dictionary<string, object>(StringComparer.Ordinal);

        var summary = new List<IDictionary<string, object?>>(ranking.Units.Count);
        foreach (var row in ranking.Units)
        {
            var unit = row.Unit;
            var cells = UnitCells(row, words, columns);
            // A unit without dossiers has only the no-data rules' points: no score to show (issue 12).
            foreach (var group in IndicatorCatalog.Groups)
            {
                cells[columns.Add(words.GroupName(group.Code), Decimal, 14)] = row.IsRanked ? unit.Groups.FirstOrDefault(g => g.Code == group.Code)?.Score : null;
            }

            cells[columns.Add(words.Total, Decimal, 12)] = row.IsRanked ? unit.Total : null;
            cells[columns.Add(words.Band, null, 24)] = row.IsRanked ? words.BandName(unit.Band) : words.NoDossiers;
            cells[columns.Add(words.Received, Count, 14)] = unit.Counts.Received;
            summary.Add(cells);
        }

        sheets[SheetName(words.SummarySheet)] = summary;
        foreach (var group in IndicatorCatalog.Groups)
        {
            var rows = new List<IDictionary<string, object?>>(ranking.Units.Count);
            foreach (var row in ranking.Units)
            {
                var cells = UnitCells(row, words, columns);
                var score = row.Unit.Groups.FirstOrDefault(g => g.Code == group.Code);
                foreach (var indicator in group.Indicators)
                {
                    var figures = score?.Indicators.FirstOrDefault(i => i.Code == indicator.Code);
                    var name = words.IndicatorName(indicator.Code);
                    cells[columns.Add($"{name} — {words.Numerator}", Count, 16)] = figures?.Numerator;
                    cells[columns.Add($"{name} — {words.Denominator}", Count, 16)] = figures?.Denominator;
                    cells[columns.Add($"{name} — {words.Ratio}", Decimal, 14)] = figures?.Ratio;
                    cells[columns.Add($"{name} — {words.Points}", Decimal, 14)] = figures?.Points;
                }

                rows.Add(cells);
            }

            sheets[SheetName(words.GroupName(group.Code))] = rows;
        }

        sheets[SheetName(words.AboutSheet)] = About(
            words,
            columns,
            (words.Title, words.RankingTitle(ranking.Level, ranking.Period)),
            (words.LevelHeading, words.Level(ranking.Level)),
            (words.PeriodHeading, $"{words.PeriodName(ranking.Period)} ({ranking.Period.Label})"),
            (words.AsOf, AsOfParameter.Format(ranking.Stamp.AsOf)),
            (words.RuleSet, ranking.Stamp.RuleSet),
            (words.FiguresSha256, ranking.Stamp.FiguresSha256),
            (words.Request, ranking.Stamp.Request));
        return Save(sheets, columns, ranking.Stamp);
    }

    public static byte[] Scorecard(ScorecardExport scorecard)
    {
        ArgumentNullException.ThrowIfNull(scorecard);
        var words = ExportWords.For(scorecard.English);
        var columns = new Columns();
        var sheets = new Dictionary<string, object>(StringComparer.Ordinal);
        var card = scorecard.Scorecard;

        var summary = new List<IDictionary<string, object?>>(card.Groups.Count + 1);
        foreach (var group in card.Groups)
        {
            summary.Add(new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                [columns.Add(words.Group, null, 40)] = words.GroupName(group.Code),
                [columns.Add(words.Points, Decimal, 12)] = group.Score,
                [columns.Add(words.MaxPoints, Decimal, 14)] = group.Max,
            });
        }

        summary.Add(new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            [columns.Add(words.Group, null, 40)] = words.Total,
            [columns.Add(words.Points, Decimal, 12)] = card.Total,
            [columns.Add(words.MaxPoints, Decimal, 14)] = IndicatorCatalog.MaxTotal,
        });
        sheets[SheetName(words.SummarySheet)] = summary;

        foreach (var group in card.Groups)
        {
            var rows = new List<IDictionary<string, object?>>(group.Indicators.Count);
            foreach (var indicator in group.Indicators)
            {
                rows.Add(new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    [columns.Add(words.IndicatorCode, null, 30)] = indicator.Code.ToString(),
                    [columns.Add(words.Indicator, null, 60)] = words.IndicatorName(indicator.Code),
                    [columns.Add(words.Numerator, Count, 12)] = indicator.Numerator,
                    [columns.Add(words.Denominator, Count, 12)] = indicator.Denominator,
                    [columns.Add(words.Ratio, Decimal, 12)] = indicator.Ratio,
                    [columns.Add(words.Points, Decimal, 12)] = indicator.Points,
                    [columns.Add(words.MaxPoints, Decimal, 14)] = indicator.Max,
                });
            }

            sheets[SheetName(words.GroupName(group.Code))] = rows;
        }

        sheets[SheetName(words.AboutSheet)] = About(
            words,
            columns,
            (words.Title, words.ScorecardTitle(scorecard.Unit.Name, scorecard.Period)),
            (words.UnitCode, scorecard.Unit.Code),
            (words.Unit, scorecard.Unit.Name),
            (words.PeriodHeading, $"{words.PeriodName(scorecard.Period)} ({scorecard.Period.Label})"),
            (words.Band, card.NoDossiers ? words.NoDossiers : words.BandName(card.Band)),
            (words.Received, card.Counts.Received.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            (words.AsOf, AsOfParameter.Format(scorecard.Stamp.AsOf)),
            (words.RuleSet, scorecard.Stamp.RuleSet),
            (words.FiguresSha256, scorecard.Stamp.FiguresSha256),
            (words.Request, scorecard.Stamp.Request));
        return Save(sheets, columns, scorecard.Stamp);
    }

    /// <summary>Rank (blank for a unit without dossiers), code and name: the first columns of every ranking sheet.</summary>
    private static Dictionary<string, object?> UnitCells(RankedUnit<Indicators.Scoring.Scorecard> row, ExportWords words, Columns columns) =>
        new(StringComparer.Ordinal)
        {
            [columns.Add(words.Rank, Count, 7)] = row.Rank,
            [columns.Add(words.UnitCode, null, 14)] = row.Unit.UnitCode,
            [columns.Add(words.Unit, null, 36)] = row.Unit.Name,
        };

    private static List<IDictionary<string, object?>> About(ExportWords words, Columns columns, params (string Item, string Value)[] lines)
    {
        var item = columns.Add(words.Item, null, 34);
        var value = columns.Add(words.Value, null, 90);
        return lines.Select(l => (IDictionary<string, object?>)new Dictionary<string, object?>(StringComparer.Ordinal) { [item] = l.Item, [value] = l.Value }).ToList();
    }

    /// <summary>Excel refuses sheet names over 31 characters or with <c>[]:*?/\</c>.</summary>
    private static string SheetName(string name)
    {
        var clean = new string(name.Select(c => "[]:*?/\\".Contains(c, StringComparison.Ordinal) ? '-' : c).ToArray());
        return clean.Length <= 31 ? clean : clean[..31];
    }

    private static byte[] Save(Dictionary<string, object> sheets, Columns columns, ExportStamp stamp)
    {
        var configuration = new OpenXmlConfiguration
        {
            FreezeRowCount = 1,
            AutoFilter = true,
            TableStyles = TableStyles.Default,
            EnableWriteNullValueCell = true,
            DynamicColumns = columns.ToArray(),
        };
        using var culture = CultureScope.Invariant();
        using var stream = new MemoryStream();
        stream.SaveAs(sheets, printHeader: true, excelType: ExcelType.XLSX, configuration: configuration);
        return ReproducibleZip.Rewrite(stream.ToArray(), ReproducibleZip.EntryTime(stamp.AsOf));
    }

    /// <summary>Each column's head, number format and width, shared by every sheet that has it.</summary>
    private sealed class Columns
    {
        private readonly Dictionary<string, DynamicExcelColumn> _byKey = new(StringComparer.Ordinal);

        public string Add(string key, string? format, double width)
        {
            if (!_byKey.ContainsKey(key))
            {
                var column = new DynamicExcelColumn(key) { Width = width };
                if (format is not null)
                {
                    column.Format = format;
                }

                _byKey[key] = column;
            }

            return key;
        }

        public DynamicExcelColumn[] ToArray() => _byKey.Values.ToArray();
    }
}
