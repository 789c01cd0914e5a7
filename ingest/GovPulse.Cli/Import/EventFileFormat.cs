namespace GovPulse.Cli.Import;

/// <summary>What an input file holds: NDJSON (one event object a line, api-v1 §1) or CSV with a header of api-v1 field names.</summary>
public enum EventFileFormat
{
    Auto,
    Ndjson,
    Csv,
}

/// <summary>Tells NDJSON from CSV by the extension, else by the first character that is not blank.</summary>
public static class EventFileFormats
{
    public static EventFileFormat Detect(string path, EventFileFormat asked)
    {
        var ext = Path.GetExtension(path).ToUpperInvariant();
        var format = asked != EventFileFormat.Auto ? asked
            : ext is ".CSV" or ".TSV" ? EventFileFormat.Csv
            : ext is ".NDJSON" or ".JSONL" or ".JSON" ? EventFileFormat.Ndjson
            : FirstCharacter(path) == '{' ? EventFileFormat.Ndjson : EventFileFormat.Csv;
        if (format == EventFileFormat.Ndjson && FirstCharacter(path) == '[')
        {
            throw new CliException(
                $"{path} holds a JSON array, not NDJSON: write one event per line (e.g. `jq -c '.[]' {path} > events.ndjson`) and import that");
        }

        return format;
    }

    private static char? FirstCharacter(string path)
    {
        using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        var buffer = new char[4096];
        int read;
        while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            foreach (var c in buffer.AsSpan(0, read))
            {
                if (!char.IsWhiteSpace(c) && c != '\uFEFF')
                {
                    return c;
                }
            }
        }

        return null;
    }
}
