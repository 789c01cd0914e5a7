using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace GovPulse.Cli.Import;

/// <summary>
/// How a CSV row becomes an event (docs/cli.md): the header names api-v1 §1 fields (any case), an
/// empty cell means the field is absent, flags are <c>true</c>/<c>false</c> (or 1/0), <c>fee</c> and
/// <c>amount</c> are numbers in VND with a dot for decimals, <c>statutoryWorkingDays</c> a whole
/// number, everything else text sent as it is (times as ISO 8601 with offset, which the node checks).
/// </summary>
public sealed class CsvEventMapping
{
    /// <summary>The fields of api-v1 §1, in the contract's order.</summary>
    public static IReadOnlyList<string> Fields { get; } =
    [
        "eventId", "type", "occurredAt", "dossierId", "petitionId", "unitCode", "procedureCode", "channel", "dueAt",
        "statutoryWorkingDays", "fee", "paperResult", "citizenData", "electronicResult", "reason", "newDueAt", "online",
        "amount", "reusedData", "personalStoreLinked", "rating", "complaint", "satisfied", "repeatComplaint",
    ];

    /// <summary>Columns every file needs: every event has these fields.</summary>
    public static IReadOnlyList<string> RequiredColumns { get; } = ["eventId", "type", "occurredAt", "unitCode"];

    private static readonly HashSet<string> Flags = new(StringComparer.Ordinal)
    {
        "paperResult", "citizenData", "electronicResult", "online", "reusedData", "personalStoreLinked", "complaint", "satisfied", "repeatComplaint",
    };

    private static readonly HashSet<string> Amounts = new(StringComparer.Ordinal) { "fee", "amount" };

    private const string WholeNumbers = "statutoryWorkingDays";

    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly string?[] _fieldOfColumn;
    private readonly int _eventIdColumn;

    private CsvEventMapping(string source, string?[] fieldOfColumn, IReadOnlyList<string> ignored)
    {
        Source = source;
        _fieldOfColumn = fieldOfColumn;
        _eventIdColumn = Array.IndexOf(fieldOfColumn, "eventId");
        IgnoredColumns = ignored;
    }

    /// <summary>The file's name as messages show it.</summary>
    public string Source { get; }

    /// <summary>Header cells that are not api-v1 fields (their cells are not sent).</summary>
    public IReadOnlyList<string> IgnoredColumns { get; }

    /// <exception cref="CliException">A required column is missing, or a field is named twice.</exception>
    public static CsvEventMapping FromHeader(IReadOnlyList<string> header, string source)
    {
        ArgumentNullException.ThrowIfNull(header);
        var fieldOfColumn = new string?[header.Count];
        var ignored = new List<string>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Count; i++)
        {
            var name = header[i].Trim().TrimStart('\uFEFF');
            var field = Fields.FirstOrDefault(f => string.Equals(f, name, StringComparison.OrdinalIgnoreCase));
            if (field is null)
            {
                if (name.Length > 0)
                {
                    ignored.Add(name);
                }

                continue;
            }

            if (seen.TryGetValue(field, out var first))
            {
                throw new CliException($"line 1 of {source}: column {field} appears twice in the header (columns {first + 1} and {i + 1}); keep one");
            }

            seen[field] = i;
            fieldOfColumn[i] = field;
        }

        var missing = RequiredColumns.Where(c => !seen.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            var hint = seen.Count == 0
                ? "the first row must be a header naming api-v1 fields"
                : "every event needs them";
            throw new CliException(
                $"line 1 of {source}: the header has no {string.Join(", ", missing)} column{(missing.Count > 1 ? "s" : string.Empty)}; {hint}, "
                + $"e.g. {string.Join(',', Fields.Take(9))},… (docs/cli.md)");
        }

        return new CsvEventMapping(source, fieldOfColumn, ignored);
    }

    /// <summary>The row as an NDJSON line, or a rejection that names the line, the column and the fix; null for a row of empty cells.</summary>
    public SourceRecord? Map(IReadOnlyList<string> cells, long line, long nextLine, long endOffset)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.All(string.IsNullOrWhiteSpace))
        {
            return null;
        }

        var eventId = _eventIdColumn >= 0 && _eventIdColumn < cells.Count && !string.IsNullOrWhiteSpace(cells[_eventIdColumn]) ? cells[_eventIdColumn].Trim() : null;
        if (cells.Count > _fieldOfColumn.Length)
        {
            return Reject($"has {cells.Count} cells but the header has {_fieldOfColumn.Length} columns; check the delimiters and quotes of this row");
        }

        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer, JsonOptions))
        {
            json.WriteStartObject();
            for (var i = 0; i < cells.Count; i++)
            {
                var field = _fieldOfColumn[i];
                var cell = cells[i].Trim();
                if (field is null || cell.Length == 0)
                {
                    continue;
                }

                if (Flags.Contains(field))
                {
                    if (!TryFlag(cell, out var flag))
                    {
                        return Reject($"column {field} '{cell}' is not true or false (1 and 0 work too; leave the cell empty when the field does not apply)");
                    }

                    json.WriteBoolean(field, flag);
                }
                else if (Amounts.Contains(field))
                {
                    if (!decimal.TryParse(cell, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var amount))
                    {
                        return Reject($"column {field} '{cell}' is not a number; write VND with a dot for decimals and no thousands separator, e.g. 50000");
                    }

                    json.WriteNumber(field, amount);
                }
                else if (field == WholeNumbers)
                {
                    if (!long.TryParse(cell, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var days))
                    {
                        return Reject($"column {field} '{cell}' is not a whole number of working days, e.g. 5");
                    }

                    json.WriteNumber(field, days);
                }
                else
                {
                    json.WriteString(field, cell);
                }
            }

            json.WriteEndObject();
        }

        return new SourceRecord(line, nextLine, endOffset, buffer.WrittenSpan.ToArray(), eventId);

        SourceRecord Reject(string why) => new(line, nextLine, endOffset, null, eventId, $"line {line} of {Source}: {why}");
    }

    private static bool TryFlag(string cell, out bool value)
    {
        switch (cell.ToUpperInvariant())
        {
            case "TRUE" or "1":
                value = true;
                return true;
            case "FALSE" or "0":
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }
}
