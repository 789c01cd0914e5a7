using System.Globalization;
using System.Text.Json;
using CsvHelper;
using GovPulse.Indicators.Scoring;

namespace GovPulse.Cli.Scoring;

/// <summary>
/// A counts file for <c>govpulse score</c>: the body of <c>POST /api/v1/score</c>
/// (<c>{ "indicators": [ { "code", "numerator", "denominator" } ] }</c>, or just the array), or a CSV
/// with the columns <c>code,numerator,denominator</c> where an empty cell is null (no data). Checked as
/// the API checks it: a known code, each code once, no negative count.
/// </summary>
public static class CountsFile
{
    public static IReadOnlyList<IndicatorInput> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var name = path == "-" ? "standard input" : Path.GetFileName(path);
        if (path != "-" && !File.Exists(path))
        {
            throw new CliException($"{path}: no such file");
        }

        var text = path == "-" ? Console.In.ReadToEnd() : File.ReadAllText(path);
        var items = text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n').StartsWith('{') || text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n').StartsWith('[')
            ? FromJson(text, name)
            : FromCsv(text, name);
        return Check(items, name);
    }

    /// <summary>The items as they were given (position, code, counts), before checking.</summary>
    public static IReadOnlyList<IndicatorInput> Check(IReadOnlyList<(string Where, string? Code, decimal? Numerator, decimal? Denominator)> items, string name)
    {
        ArgumentNullException.ThrowIfNull(items);
        var inputs = new List<IndicatorInput>();
        foreach (var (where, code, numerator, denominator) in items)
        {
            if (!IndicatorCatalog.TryParse(code, out var parsed))
            {
                throw new CliException(
                    $"{name}, {where}: code '{code}' is not a Decision 766 indicator ({string.Join(", ", IndicatorCatalog.Indicators.Select(d => d.Code))})");
            }

            if (numerator < 0 || denominator < 0)
            {
                throw new CliException($"{name}, {where} ({parsed}): numerator and denominator cannot be negative");
            }

            inputs.Add(new IndicatorInput(parsed, numerator, denominator));
        }

        var twice = inputs.GroupBy(i => i.Code).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
        {
            throw new CliException($"{name}: indicator {twice.Key} is given {twice.Count()} times; give each once");
        }

        return inputs;
    }

    private static List<(string, string?, decimal?, decimal?)> FromJson(string text, string name)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            throw new CliException($"{name} is not valid JSON (line {ex.LineNumber + 1}: {ex.Message.Split(". ")[0]}); expected {{ \"indicators\": [ {{ \"code\", \"numerator\", \"denominator\" }} ] }}", ExitCodes.UsageOrConnection, ex);
        }

        using (doc)
        {
            var root = doc.RootElement;
            var array = root.ValueKind == JsonValueKind.Array ? root
                : root.ValueKind == JsonValueKind.Object && Property(root, "indicators") is { ValueKind: JsonValueKind.Array } indicators ? indicators
                : throw new CliException($"{name}: expected {{ \"indicators\": [ {{ \"code\", \"numerator\", \"denominator\" }} ] }}, the body of POST /api/v1/score");
            var items = new List<(string, string?, decimal?, decimal?)>();
            var index = 0;
            foreach (var item in array.EnumerateArray())
            {
                var where = $"indicator {++index}";
                if (item.ValueKind != JsonValueKind.Object)
                {
                    throw new CliException($"{name}, {where}: expected {{ \"code\", \"numerator\", \"denominator\" }}");
                }

                var code = Property(item, "code") is { ValueKind: JsonValueKind.String } c ? c.GetString() : null;
                items.Add((where, code, Count(item, "numerator", name, where), Count(item, "denominator", name, where)));
            }

            return items;
        }
    }

    private static List<(string, string?, decimal?, decimal?)> FromCsv(string text, string name)
    {
        using var reader = CsvReader.FromText(text, CsvReaderOptions.Default with { TrackLineNumbers = true });
        var header = reader.Headers.Select(h => h.Trim().TrimStart('\uFEFF')).ToList();
        int Column(string column) =>
            header.FindIndex(h => string.Equals(h, column, StringComparison.OrdinalIgnoreCase)) is var i and >= 0
                ? i
                : throw new CliException($"line 1 of {name}: no {column} column; a counts CSV has the header code,numerator,denominator (or is the JSON body of POST /api/v1/score)");
        var (codeAt, numeratorAt, denominatorAt) = (Column("code"), Column("numerator"), Column("denominator"));
        var items = new List<(string, string?, decimal?, decimal?)>();
        while (reader.Read())
        {
            var where = $"line {reader.LineNumber}";
            string Cell(int i) => i < reader.FieldCount ? reader.GetString(i).Trim() : string.Empty;
            decimal? Number(int i, string column) =>
                Cell(i) is { Length: > 0 } cell
                    ? decimal.TryParse(cell, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)
                        ? n
                        : throw new CliException($"{where} of {name}: {column} '{cell}' is not a number; write it with a dot for decimals and no thousands separator, or leave it empty for no data")
                    : null;
            items.Add((where, Cell(codeAt), Number(numeratorAt, "numerator"), Number(denominatorAt, "denominator")));
        }

        return items;
    }

    private static decimal? Count(JsonElement item, string field, string name, string where) =>
        Property(item, field) switch
        {
            null or { ValueKind: JsonValueKind.Null } => null,
            { ValueKind: JsonValueKind.Number } n when n.TryGetDecimal(out var d) => d,
            { } other => throw new CliException($"{name}, {where}: {field} {other.GetRawText()} is not a number or null"),
        };

    private static JsonElement? Property(JsonElement o, string name)
    {
        foreach (var p in o.EnumerateObject())
        {
            if (string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return p.Value;
            }
        }

        return null;
    }
}
