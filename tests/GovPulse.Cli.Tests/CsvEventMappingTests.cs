using System.Text;
using System.Text.Json;
using GovPulse.Cli.Import;

namespace GovPulse.Cli.Tests;

public sealed class CsvEventMappingTests
{
    private static readonly string[] Header = ["eventId", "type", "occurredAt", "dossierId", "unitCode", "procedureCode", "channel", "dueAt", "fee", "paperResult", "citizenData", "statutoryWorkingDays"];

    [Fact]
    public void A_row_becomes_the_api_v1_event_with_typed_values_and_empty_cells_left_out()
    {
        var mapping = CsvEventMapping.FromHeader(Header, "events.csv");

        var record = mapping.Map(["e1", "DossierReceived", "2026-11-20T09:30:00+07:00", "HS-1", "26737", "1.001193", "online", "", "15000.5", "TRUE", "0", "5"], 2, 3, 0)!;

        record.Error.Should().BeNull();
        record.EventId.Should().Be("e1");
        Encoding.UTF8.GetString(record.Json!).Should().Be(
            """{"eventId":"e1","type":"DossierReceived","occurredAt":"2026-11-20T09:30:00+07:00","dossierId":"HS-1","unitCode":"26737","procedureCode":"1.001193","channel":"online","fee":15000.5,"paperResult":true,"citizenData":false,"statutoryWorkingDays":5}""");
    }

    [Fact]
    public void Header_names_match_the_contracts_fields_in_any_case_and_other_columns_are_ignored()
    {
        var mapping = CsvEventMapping.FromHeader([" EventID", "TYPE", "occurredat", "UnitCode", "Ghi chú"], "events.csv");

        var json = JsonDocument.Parse(mapping.Map(["e1", "ProcessingCompleted", "2026-11-20T09:30:00Z", "26737", "ignored"], 2, 3, 0)!.Json).RootElement;

        json.EnumerateObject().Select(p => p.Name).Should().Equal("eventId", "type", "occurredAt", "unitCode");
        mapping.IgnoredColumns.Should().Equal("Ghi chú");
    }

    [Theory]
    [InlineData("paperResult", "yes", "line 17 of events.csv: column paperResult 'yes' is not true or false")]
    [InlineData("fee", "50.000,5", "line 17 of events.csv: column fee '50.000,5' is not a number; write VND with a dot for decimals")]
    [InlineData("statutoryWorkingDays", "2.5", "line 17 of events.csv: column statutoryWorkingDays '2.5' is not a whole number")]
    public void A_cell_its_column_cannot_hold_rejects_the_row_naming_line_column_and_fix(string column, string value, string error)
    {
        var mapping = CsvEventMapping.FromHeader(Header, "events.csv");
        var cells = new[] { "e9", "DossierReceived", "2026-11-20T09:30:00+07:00", "HS-9", "26737", "1.001193", "online", "", "0", "true", "true", "1" };
        cells[Array.IndexOf(Header, column)] = value;

        var record = mapping.Map(cells, 17, 18, 0)!;

        record.Json.Should().BeNull();
        record.EventId.Should().Be("e9");
        record.Error.Should().StartWith(error);
    }

    [Fact]
    public void A_header_without_a_required_column_is_refused_with_the_columns_it_needs()
    {
        var act = () => CsvEventMapping.FromHeader(["eventId", "type", "occurredAt"], "events.csv");

        act.Should().Throw<CliException>().WithMessage("line 1 of events.csv: the header has no unitCode column*")
            .Which.ExitCode.Should().Be(ExitCodes.UsageOrConnection);
    }

    [Fact]
    public void A_file_without_a_header_is_told_to_start_with_one()
    {
        var act = () => CsvEventMapping.FromHeader(["e1", "DossierReceived", "2026-11-20T09:30:00+07:00", "26737"], "events.csv");

        act.Should().Throw<CliException>().WithMessage("*the first row must be a header naming api-v1 fields*");
    }

    [Fact]
    public void A_field_named_twice_is_refused()
    {
        var act = () => CsvEventMapping.FromHeader(["eventId", "type", "occurredAt", "unitCode", "EventId"], "events.csv");

        act.Should().Throw<CliException>().WithMessage("line 1 of events.csv: column eventId appears twice in the header (columns 1 and 5)*");
    }

    [Fact]
    public void A_row_with_more_cells_than_the_header_is_rejected_and_an_all_empty_row_is_skipped()
    {
        var mapping = CsvEventMapping.FromHeader(["eventId", "type", "occurredAt", "unitCode"], "events.csv");

        mapping.Map(["e1", "ProcessingCompleted", "2026-11-20T09:30:00Z", "26737", "extra"], 4, 5, 0)!.Error
            .Should().StartWith("line 4 of events.csv: has 5 cells but the header has 4 columns");
        mapping.Map(["", " ", "", ""], 5, 6, 0).Should().BeNull();
    }
}
