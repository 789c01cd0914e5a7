using System.Data;
using System.Globalization;
using System.Text;
using GovPulse.Dashboard.Queries;
using GovPulse.Exports.Documents;
using GovPulse.Indicators.Periods;
using GovPulse.Indicators.Scoring;
using GovPulse.Security;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace GovPulse.Exports.Explanations;

/// <summary>
/// The whole list of an explanation as a file: CSV (UTF-8 with BOM, RFC 4180, machine-readable
/// values: ISO times with offset, a dot for decimals, true/false) or an Excel sheet (MiniExcel: one
/// header row, frozen, with an autofilter). Headers in Vietnamese unless English was asked.
/// </summary>
public static class ExplanationFile
{
    public const string CsvContentType = "text/csv; charset=utf-8";
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary><c>giai-trinh-26737-on-time-processing-2026-11.csv</c>; English <c>explanation-…</c>.</summary>
    public static string Name(string unitCode, IndicatorCode indicator, Period period, ExplanationFormat format, bool english)
    {
        ArgumentNullException.ThrowIfNull(period);
        var slug = indicator.ToString().ToLowerInvariant().Replace('_', '-');
        var periodName = period.Label.ToLowerInvariant().Replace("..", "_", StringComparison.Ordinal);
        return $"{(english ? "explanation" : "giai-trinh")}-{unitCode}-{slug}-{periodName}.{(format == ExplanationFormat.Xlsx ? "xlsx" : "csv")}";
    }

    public static byte[] Csv(IReadOnlyList<ExplainedDossierView> items, ExportWords words)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(words);
        var text = new StringBuilder();
        Line(text, words.ExplanationColumns);
        foreach (var item in items)
        {
            Line(text, Cells(item));
        }

        return [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    public static byte[] Xlsx(IReadOnlyList<ExplainedDossierView> items, ExportWords words)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(words);
        // A table rather than rows of dictionaries, so an empty explanation still has its header row.
        using var table = new DataTable(words.ExplanationSheet) { Locale = CultureInfo.InvariantCulture };
        foreach (var column in words.ExplanationColumns)
        {
            table.Columns.Add(column, typeof(string));
        }

        foreach (var item in items)
        {
            // Values stay text, as in the CSV: ids such as "000123" keep their zeros, figures their dot.
            table.Rows.Add(Cells(item));
        }

        using var buffer = new MemoryStream();
        var configuration = new OpenXmlConfiguration { FreezeRowCount = 1, AutoFilter = true, TableStyles = TableStyles.None };
        buffer.SaveAs(table, sheetName: words.ExplanationSheet, excelType: ExcelType.XLSX, configuration: configuration);
        return buffer.ToArray();
    }

    /// <summary>One row's cells, in <see cref="ExportWords.ExplanationColumns"/> order.</summary>
    private static string[] Cells(ExplainedDossierView item) =>
    [
        item.DossierId,
        item.Subject,
        item.ProcedureCode ?? string.Empty,
        item.Channel?.ToString() ?? string.Empty,
        Time(item.ReceivedAt),
        Time(item.DueAt),
        Time(item.FinishedAt),
        item.InNumerator ? "true" : "false",
        item.InDenominator ? "true" : "false",
        item.Value.ToString(CultureInfo.InvariantCulture),
        item.RuleCode,
        item.Rule,
    ];

    /// <summary>One RFC 4180 record, CRLF at the end: each field quoted when needed and guarded against spreadsheet formulas (<see cref="CsvField"/>) — dossier ids come from the source systems.</summary>
    private static void Line(StringBuilder text, IReadOnlyList<string> fields)
    {
        text.AppendJoin(',', fields.Select(CsvField.Of));
        text.Append("\r\n");
    }

    private static string Time(DateTimeOffset? instant) => instant is { } t ? AsOfParameter.Format(t) : string.Empty;
}
