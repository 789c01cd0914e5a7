using System.Globalization;
using System.Numerics;
using System.Text.Json;

namespace GovPulse.Indicators.Catalog;

/// <summary>
/// Reads a procedure catalogue from CSV (header row; columns named as below, in any order, only
/// <c>code</c> and <c>name</c> required) or JSON (an array of objects with the camelCase names).
/// Columns: code, name, field, level (commune|province|both), time_limit_working_days, fee_vnd,
/// online_level (none|partial|full|unknown), publication_decision_date, legal_basis_effective_date,
/// public_date (yyyy-MM-dd), content_complete, fee_integrated, population_data_connected
/// (true|false|yes|no, blank = unknown). Unknown columns are ignored.
/// </summary>
public static class ProcedureCatalogReader
{
    public static ProcedureCatalog ReadCsv(string text, string source)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        if (lines.Length == 0 || string.IsNullOrWhiteSpace(lines[0]))
        {
            throw new CatalogFormatException($"{source}: the file is empty; the first line must name the columns (code,name,…)");
        }

        var header = CsvRecord.Parse(lines[0].TrimStart('\uFEFF')).Select(h => h.Trim().ToLowerInvariant()).ToArray();
        foreach (var required in new[] { "code", "name" })
        {
            if (!header.Contains(required))
            {
                throw new CatalogFormatException($"{source}: line 1: the header has no '{required}' column");
            }
        }

        var procedures = new List<Procedure>();
        for (var i = 1; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }

            var cells = CsvRecord.Parse(lines[i]);
            var row = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var c = 0; c < header.Length && c < cells.Length; c++)
            {
                row[header[c]] = cells[c].Trim();
            }

            procedures.Add(Build(name => row.GetValueOrDefault(name), $"{source}: line {i + 1}"));
        }

        return new ProcedureCatalog(Distinct(procedures, source));
    }

    public static ProcedureCatalog ReadJson(string json, string source)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new CatalogFormatException($"{source}: not valid JSON ({ex.Message})");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw new CatalogFormatException($"{source}: the JSON must be an array of procedures");
            }

            var procedures = new List<Procedure>();
            var index = 0;
            foreach (var item in document.RootElement.EnumerateArray())
            {
                index++;
                if (item.ValueKind != JsonValueKind.Object)
                {
                    throw new CatalogFormatException($"{source}: item {index}: a procedure must be a JSON object");
                }

                procedures.Add(Build(name => JsonValue(item, CamelCase(name)), $"{source}: item {index}"));
            }

            return new ProcedureCatalog(Distinct(procedures, source));
        }
    }

    private static Procedure Build(Func<string, string?> get, string where)
    {
        var code = get("code");
        var name = get("name");
        if (string.IsNullOrWhiteSpace(code))
        {
            throw new CatalogFormatException($"{where}: code is missing");
        }

        if (string.IsNullOrWhiteSpace(name))
        {
            throw new CatalogFormatException($"{where}: name is missing (procedure {code})");
        }

        return new Procedure
        {
            Code = code,
            Name = name,
            Field = get("field") ?? string.Empty,
            Level = get("level") switch
            {
                null or "" or "both" => ProcedureLevel.Both,
                "commune" => ProcedureLevel.Commune,
                "province" => ProcedureLevel.Province,
                var other => throw new CatalogFormatException($"{where}: level '{other}' is not one of commune, province, both"),
            },
            TimeLimitWorkingDays = Number<int>(get("time_limit_working_days"), "time_limit_working_days", where),
            FeeVnd = Number<decimal>(get("fee_vnd"), "fee_vnd", where),
            OnlineLevel = get("online_level") switch
            {
                null or "" or "unknown" => OnlineLevel.Unknown,
                "none" => OnlineLevel.None,
                "partial" => OnlineLevel.Partial,
                "full" => OnlineLevel.Full,
                var other => throw new CatalogFormatException($"{where}: online_level '{other}' is not one of none, partial, full, unknown"),
            },
            PublicationDecisionDate = Date(get("publication_decision_date"), "publication_decision_date", where),
            LegalBasisEffectiveDate = Date(get("legal_basis_effective_date"), "legal_basis_effective_date", where),
            PublicDate = Date(get("public_date"), "public_date", where),
            ContentComplete = Flag(get("content_complete"), "content_complete", where),
            FeeIntegrated = Flag(get("fee_integrated"), "fee_integrated", where),
            PopulationDataConnected = Flag(get("population_data_connected"), "population_data_connected", where),
        };
    }

    private static List<Procedure> Distinct(List<Procedure> procedures, string source)
    {
        var duplicate = procedures.GroupBy(p => p.Code, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        return duplicate is null
            ? procedures
            : throw new CatalogFormatException($"{source}: procedure {duplicate.Key} appears {duplicate.Count()} times; each code once");
    }

    private static T? Number<T>(string? text, string column, string where)
        where T : struct, INumber<T>
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return T.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) && value >= T.Zero
            ? value
            : throw new CatalogFormatException($"{where}: {column} '{text}' is not a non-negative number");
    }

    private static DateOnly? Date(string? text, string column, string where)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new CatalogFormatException($"{where}: {column} '{text}' is not a date (yyyy-MM-dd)");
    }

    private static bool? Flag(string? text, string column, string where) => text?.ToLowerInvariant() switch
    {
        null or "" or "unknown" => null,
        "true" or "yes" or "1" => true,
        "false" or "no" or "0" => false,
        _ => throw new CatalogFormatException($"{where}: {column} '{text}' is not true or false"),
    };

    private static string? JsonValue(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => null,
        } : null;

    private static string CamelCase(string column)
    {
        var parts = column.Split('_');
        return parts[0] + string.Concat(parts.Skip(1).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
    }
}
