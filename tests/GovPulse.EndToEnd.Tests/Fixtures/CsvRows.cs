using CsvHelper;

namespace GovPulse.EndToEnd.Tests.Fixtures;

/// <summary>An exported CSV file read back: its header and every record, strictly (a malformed record fails the test).</summary>
public static class CsvRows
{
    public static List<string[]> Of(byte[] bytes)
    {
        bytes.Take(3).Should().Equal([0xEF, 0xBB, 0xBF], "an exported CSV starts with a UTF-8 BOM");
        using var reader = CsvReader.Create(new MemoryStream(bytes), CsvReaderOptions.Default with { MalformedData = CsvMalformedDataHandling.Throw }, leaveOpen: false);
        var rows = new List<string[]> { reader.Headers.ToArray() };
        while (reader.Read())
        {
            var cells = new string[reader.FieldCount];
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = reader.GetString(i);
            }

            rows.Add(cells);
        }

        return rows;
    }
}
