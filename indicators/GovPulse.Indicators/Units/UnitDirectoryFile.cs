using System.Globalization;
using System.Text;
using GovPulse.Indicators.Catalog;

namespace GovPulse.Indicators.Units;

/// <summary>
/// A unit directory as a UTF-8 CSV file (docs/operations.md, "Unit directory"): a header naming the
/// columns (any order) <c>code,name,kind,parent_code,province_code</c> and optionally
/// <c>synthetic</c>, then one unit a line. Kinds: <c>nation</c> (at most one, code and parents
/// empty), <c>city</c> or <c>province</c> (the province level; parent the nation or empty, province
/// its own code), <c>department</c> and <c>commune</c> (parent and province both their province's
/// code). <c>synthetic</c> is <c>true</c> for units made up for load tests. Anything else stops the
/// node at start with the file, line and field named.
/// </summary>
public static class UnitDirectoryFile
{
    public const string Setting = "GovPulse:Directory:File";

    private static readonly string[] Required = ["code", "name", "kind", "parent_code", "province_code"];
    private const string SyntheticColumn = "synthetic";

    /// <summary>Longest code: the ingest API's limit for a <c>unitCode</c>.</summary>
    public const int MaxCodeLength = 64;

    /// <summary>The directory the setting names, or the built-in Ho Chi Minh City when it is unset.</summary>
    /// <exception cref="DirectoryFormatException">The file is missing or not a valid directory.</exception>
    public static UnitDirectory LoadOrBuiltIn(string? path) =>
        string.IsNullOrWhiteSpace(path) ? UnitDirectory.HoChiMinhCity : Load(path);

    public static UnitDirectory Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new DirectoryFormatException($"{Setting} names '{path}', which does not exist; fix the path or remove the setting.");
        }

        return Read(File.ReadAllText(path, Encoding.UTF8), path);
    }

    /// <exception cref="DirectoryFormatException">The text is not a valid directory.</exception>
    public static UnitDirectory Read(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        if (string.IsNullOrWhiteSpace(lines[0]))
        {
            throw new DirectoryFormatException($"{source}: the file is empty; the first line must name the columns ({string.Join(',', Required)})");
        }

        var header = CsvRecord.Parse(lines[0].TrimStart('\uFEFF')).Select(h => h.Trim().ToLowerInvariant()).ToArray();
        foreach (var required in Required)
        {
            if (!header.Contains(required))
            {
                throw new DirectoryFormatException($"{source}: line 1: the header has no '{required}' column");
            }
        }

        var rows = new List<Row>();
        for (var i = 1; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }

            var cells = CsvRecord.Parse(lines[i]);
            if (cells.Length != header.Length)
            {
                throw new DirectoryFormatException($"{source}: line {i + 1}: {cells.Length} fields where the header names {header.Length}");
            }

            var row = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var c = 0; c < header.Length; c++)
            {
                row[header[c]] = cells[c].Trim();
            }

            rows.Add(Parse(row, source, i + 1));
        }

        return Check(rows, source);
    }

    /// <summary>Writes <paramref name="directory"/> in this format (the synthetic column included).</summary>
    public static void Write(UnitDirectory directory, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write("code,name,kind,parent_code,province_code,synthetic\n");
        foreach (var unit in directory.All)
        {
            writer.Write(string.Join(',',
                Quoted(unit.Code),
                Quoted(unit.Name),
                unit.Kind.ToString().ToLowerInvariant(),
                Quoted(unit.ParentCode ?? string.Empty),
                Quoted(directory.ProvinceOf(unit)?.Code ?? string.Empty),
                directory.IsSynthetic(unit.Code) ? "true" : "false"));
            writer.Write('\n');
        }
    }

    private static string Quoted(string field) =>
        field.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;

    private sealed record Row(Unit Unit, string? Province, bool Synthetic, string Source, int Line)
    {
        public string Where => string.Create(CultureInfo.InvariantCulture, $"{Source}: line {Line}");
    }

    private static Row Parse(Dictionary<string, string> row, string source, int line)
    {
        var where = string.Create(CultureInfo.InvariantCulture, $"{source}: line {line}");
        var code = row["code"];
        if (code.Length == 0 || code.Length > MaxCodeLength || !code.All(IsCodeCharacter))
        {
            throw new DirectoryFormatException(
                $"{where}: field 'code': '{Shown(code)}' is not a code (1–{MaxCodeLength} letters, digits, '.', '-' or '_')");
        }

        var name = row["name"];
        if (name.Length == 0 || name.Any(char.IsControl))
        {
            throw new DirectoryFormatException($"{where}: field 'name': a unit needs a name without control characters");
        }

        var kind = row["kind"].ToLowerInvariant() switch
        {
            "nation" => UnitKind.Nation,
            "city" => UnitKind.City,
            "province" => UnitKind.Province,
            "department" => UnitKind.Department,
            "commune" => UnitKind.Commune,
            var other => throw new DirectoryFormatException(
                $"{where}: field 'kind': '{Shown(other)}' is not one of nation, city, province, department, commune"),
        };

        var synthetic = row.GetValueOrDefault(SyntheticColumn, string.Empty).ToLowerInvariant() switch
        {
            "true" => true,
            "false" or "" => false,
            var other => throw new DirectoryFormatException($"{where}: field 'synthetic': '{Shown(other)}' is not true or false"),
        };

        var parent = row["parent_code"];
        var province = row["province_code"];
        return new Row(new Unit(code, name, kind, parent.Length == 0 ? null : parent), province.Length == 0 ? null : province, synthetic, source, line);
    }

    /// <summary>The rules between lines: unique codes, one nation at most, parents and provinces that exist and agree.</summary>
    private static UnitDirectory Check(List<Row> rows, string source)
    {
        var byCode = new Dictionary<string, Row>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (byCode.TryGetValue(row.Unit.Code, out var first))
            {
                throw new DirectoryFormatException($"{row.Where}: field 'code': '{row.Unit.Code}' is already the code of line {first.Line}");
            }

            byCode[row.Unit.Code] = row;
        }

        var nations = rows.Where(r => r.Unit.Kind == UnitKind.Nation).ToList();
        if (nations.Count > 1)
        {
            throw new DirectoryFormatException($"{nations[1].Where}: field 'kind': a second nation (the first is on line {nations[0].Line})");
        }

        var nation = nations.FirstOrDefault()?.Unit;
        foreach (var row in rows)
        {
            var unit = row.Unit;
            switch (unit.Kind)
            {
                case UnitKind.Nation:
                    Expect(row.Unit.ParentCode is null, row, "parent_code", "the nation has no parent");
                    Expect(row.Province is null, row, "province_code", "the nation belongs to no province");
                    break;
                case UnitKind.City or UnitKind.Province:
                    Expect(unit.ParentCode == nation?.Code, row, "parent_code",
                        nation is null ? "a province's parent is empty when the file has no nation" : $"a province's parent is the nation, '{nation.Code}'");
                    Expect(row.Province == unit.Code, row, "province_code", $"a province's province is itself, '{unit.Code}'");
                    break;
                default:
                    Expect(unit.ParentCode is not null && byCode.ContainsKey(unit.ParentCode), row, "parent_code",
                        $"'{Shown(unit.ParentCode ?? string.Empty)}' is not the code of a unit in the file");
                    Expect(UnitDirectory.IsProvinceLevel(byCode[unit.ParentCode!].Unit), row, "parent_code",
                        $"'{unit.ParentCode}' is a {byCode[unit.ParentCode!].Unit.Kind.ToString().ToLowerInvariant()}; a {unit.Kind.ToString().ToLowerInvariant()}'s parent is its province");
                    Expect(row.Province == unit.ParentCode, row, "province_code", $"'{Shown(row.Province ?? string.Empty)}' differs from the parent, '{unit.ParentCode}'");
                    break;
            }
        }

        if (!rows.Exists(r => UnitDirectory.IsProvinceLevel(r.Unit)))
        {
            throw new DirectoryFormatException($"{source}: no unit of kind province or city; a directory needs at least one");
        }

        return new UnitDirectory(rows.Select(r => r.Unit), rows.Where(r => r.Synthetic).Select(r => r.Unit.Code));
    }

    private static void Expect(bool holds, Row row, string field, string problem)
    {
        if (!holds)
        {
            throw new DirectoryFormatException($"{row.Where}: field '{field}': {problem}");
        }
    }

    private static bool IsCodeCharacter(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_';

    /// <summary>A field as an error message shows it: cut, without control characters (it may be anything).</summary>
    private static string Shown(string text)
    {
        var cut = text.Length > 40 ? text[..40] + "…" : text;
        return string.Create(CultureInfo.InvariantCulture, $"{new string(cut.Select(c => char.IsControl(c) ? '?' : c).ToArray())}");
    }
}
