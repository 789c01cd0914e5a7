using System.Globalization;
using System.Text;
using GovPulse.Exports.Documents;
using GovPulse.Security;
using GovPulse.Indicators.Scoring;

namespace GovPulse.Exports.Rendering;

/// <summary>
/// CSV: UTF-8 with BOM (so spreadsheet programs read the diacritics), RFC 4180 (comma, CRLF, a field
/// quoted only when it holds a comma, a quote or a line break), Vietnamese headers unless English was
/// asked, decimals with a dot and two places. Written by hand rather than through CsvHelper so the
/// bytes depend on nothing but the document.
/// </summary>
public static class CsvExport
{
    public const string ContentType = "text/csv; charset=utf-8";

    private static readonly UTF8Encoding Utf8WithBom = new(encoderShouldEmitUTF8Identifier: true);

    /// <summary>One row per unit in the ranking's order: rank (empty for a unit with no dossiers), code, name, the six groups, total, band (or the no-dossiers mark), received.</summary>
    public static byte[] Ranking(RankingExport ranking)
    {
        ArgumentNullException.ThrowIfNull(ranking);
        var words = ExportWords.For(ranking.English);
        var text = new StringBuilder();
        var header = new List<string> { words.Rank, words.UnitCode, words.Unit };
        header.AddRange(IndicatorCatalog.Groups.Select(g => words.GroupName(g.Code)));
        header.AddRange([words.Total, words.Band, words.Received]);
        Row(text, header);

        foreach (var ranked in ranking.Units)
        {
            var unit = ranked.Unit;
            var row = new List<string>
            {
                ranked.Rank?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
                unit.UnitCode,
                unit.Name,
            };
            if (ranked.IsRanked)
            {
                row.AddRange(IndicatorCatalog.Groups.Select(g => unit.Groups.FirstOrDefault(s => s.Code == g.Code) is { } s ? ExportWords.Figure(s.Score) : string.Empty));
                row.Add(unit.Total is { } total ? ExportWords.Figure(total) : string.Empty);
                row.Add(words.BandName(unit.Band));
            }
            else
            {
                // Not ranked: its "total" would be the no-data rules' alone, so none is shown (as the screens).
                row.AddRange(IndicatorCatalog.Groups.Select(_ => string.Empty));
                row.Add(string.Empty);
                row.Add(words.NoDossiers);
            }

            row.Add(unit.Counts.Received.ToString(CultureInfo.InvariantCulture));
            Row(text, row);
        }

        return Encode(text);
    }

    /// <summary>One row per indicator, in the scorecard's order: group, indicator code and name, numerator, denominator, ratio, points, max, no data.</summary>
    public static byte[] Scorecard(ScorecardExport scorecard)
    {
        ArgumentNullException.ThrowIfNull(scorecard);
        var words = ExportWords.For(scorecard.English);
        var text = new StringBuilder();
        Row(text, [words.Group, words.IndicatorCode, words.Indicator, words.Numerator, words.Denominator, words.Ratio, words.Points, words.MaxPoints, words.NoData]);
        foreach (var group in scorecard.Scorecard.Groups)
        {
            foreach (var indicator in group.Indicators)
            {
                Row(text,
                [
                    words.GroupName(group.Code),
                    indicator.Code.ToString(),
                    words.IndicatorName(indicator.Code),
                    indicator.Numerator is { } numerator ? ExportWords.Figure(numerator) : string.Empty,
                    indicator.Denominator is { } denominator ? ExportWords.Figure(denominator) : string.Empty,
                    ExportWords.Figure(indicator.Ratio),
                    ExportWords.Figure(indicator.Points),
                    ExportWords.Figure(indicator.Max),
                    indicator.NoData ? "true" : "false",
                ]);
            }
        }

        return Encode(text);
    }

    /// <summary>RFC 4180, guarded against spreadsheet formulas (<see cref="CsvField"/>).</summary>
    internal static string Field(string value) => CsvField.Of(value);

    private static void Row(StringBuilder text, IEnumerable<string> fields)
    {
        text.AppendJoin(',', fields.Select(Field));
        text.Append("\r\n");
    }

    private static byte[] Encode(StringBuilder text)
    {
        var preamble = Utf8WithBom.GetPreamble();
        var body = Utf8WithBom.GetBytes(text.ToString());
        return [.. preamble, .. body];
    }
}
