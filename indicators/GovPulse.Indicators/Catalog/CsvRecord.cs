using System.Text;

namespace GovPulse.Indicators.Catalog;

/// <summary>RFC 4180 fields of one CSV line (quoted fields may hold commas and doubled quotes).</summary>
public static class CsvRecord
{
    public static string[] Parse(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return fields.ToArray();
    }

    /// <summary>The data rows of an embedded CSV file of this assembly (header skipped).</summary>
    public static IReadOnlyList<string[]> ReadEmbedded(string fileName)
    {
        var assembly = typeof(CsvRecord).Assembly;
        var resource = assembly.GetManifestResourceNames().Single(n => n.EndsWith("." + fileName, StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded file {fileName} is missing from {assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        reader.ReadLine();
        var rows = new List<string[]>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                rows.Add(Parse(line));
            }
        }

        return rows;
    }
}
