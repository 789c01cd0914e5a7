using System.Text;
using GovPulse.Cli.Import;

namespace GovPulse.Cli.Tests;

/// <summary>Reading input files: every record with the line it starts on, and resuming in the middle.</summary>
public sealed class SourceTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("govpulse-cli-source-").FullName;

    [Fact]
    public void Ndjson_lines_keep_their_file_line_numbers_across_blank_lines_crlf_and_a_byte_order_mark()
    {
        var path = Write("events.ndjson", "\uFEFF{\"eventId\":\"a\"}\r\n\r\n{\"eventId\":\"b\"}\n   \n{\"eventId\":\"c\"}");

        var records = new NdjsonSource(path, "events.ndjson").Read(1, 0).ToList();

        records.Select(r => (r.Line, r.EventId, Encoding.UTF8.GetString(r.Json!))).Should().Equal(
            (1L, "a", "{\"eventId\":\"a\"}"), (3L, "b", "{\"eventId\":\"b\"}"), (5L, "c", "{\"eventId\":\"c\"}"));
    }

    [Fact]
    public void An_ndjson_import_resumed_at_a_records_end_reads_exactly_the_rest()
    {
        var path = Write("events.ndjson", string.Join("\n", Enumerable.Range(1, 50).Select(i => i % 7 == 0 ? string.Empty : $"{{\"eventId\":\"e{i}\"}}")) + "\n");
        var source = new NdjsonSource(path, "events.ndjson");
        var all = source.Read(1, 0).ToList();
        var stop = all[20];

        var rest = source.Read(stop.NextLine, stop.EndOffset).ToList();

        rest.Should().Equal(all.Skip(21), (a, b) => a.Line == b.Line && a.EventId == b.EventId && a.EndOffset == b.EndOffset);
    }

    [Fact]
    public void Csv_records_start_on_their_own_line_with_quoted_line_breaks_blank_lines_and_a_semicolon_separator()
    {
        var path = Write("events.csv",
            "eventId;type;occurredAt;dossierId;unitCode;reason\r\n"
            + "e1;DossierReceived;2026-11-20T09:30:00+07:00;HS-1;26737;\r\n"
            + "\r\n"
            + "e2;DossierRefused;2026-11-20T10:00:00+07:00;HS-1;26737;\"two\nlines\"\r\n"
            + "e3;ProcessingCompleted;2026-11-20T11:00:00+07:00;HS-3;26737;\r\n");

        var records = new CsvSource(path, "events.csv").Read(1, 0).ToList();

        records.Select(r => (r.Line, r.NextLine, r.EventId)).Should().Equal((2L, 3L, "e1"), (4L, 6L, "e2"), (6L, 7L, "e3"));
        Encoding.UTF8.GetString(records[1].Json!).Should().Contain("\"reason\":\"two\\nlines\"");
    }

    [Fact]
    public void A_csv_import_resumed_at_a_line_skips_the_records_before_it()
    {
        var path = Write("events.csv", "eventId,type,occurredAt,unitCode\n" + string.Join("\n", Enumerable.Range(1, 10).Select(i => $"e{i},ProcessingCompleted,2026-11-20T09:30:00Z,26737")));

        var rest = new CsvSource(path, "events.csv").Read(8, 0).Select(r => r.EventId).ToList();

        rest.Should().Equal("e7", "e8", "e9", "e10");
    }

    [Fact]
    public void Csv_with_broken_quoting_stops_with_the_line_to_fix()
    {
        var path = Write("events.csv", "eventId,type,occurredAt,unitCode\ne1,ProcessingCompleted,2026-11-20T09:30:00Z,26737\ne2,\"Processing\"Completed,2026-11-20T09:30:00Z,26737\n");

        var act = () => new CsvSource(path, "events.csv").Read(1, 0).ToList();

        act.Should().Throw<CliException>().WithMessage("line 3 of events.csv is not valid CSV*fix the quoting*");
    }

    [Theory]
    [InlineData("a.csv", "{\"x\":1}", EventFileFormat.Csv)]
    [InlineData("a.jsonl", "x,y", EventFileFormat.Ndjson)]
    [InlineData("export.txt", "  {\"eventId\":1}", EventFileFormat.Ndjson)]
    [InlineData("export.txt", "eventId,type", EventFileFormat.Csv)]
    public void The_format_is_told_by_the_extension_then_by_the_first_character(string name, string content, EventFileFormat expected) =>
        EventFileFormats.Detect(Write(name, content), EventFileFormat.Auto).Should().Be(expected);

    [Fact]
    public void A_json_array_file_is_refused_with_how_to_make_ndjson_of_it()
    {
        var act = () => EventFileFormats.Detect(Write("events.json", "[{\"eventId\":\"a\"}]"), EventFileFormat.Auto);

        act.Should().Throw<CliException>().WithMessage("*holds a JSON array, not NDJSON*jq -c*");
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }
}
