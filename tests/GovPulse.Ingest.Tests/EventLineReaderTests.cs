using System.Text;
using GovPulse.Indicators.Events;
using GovPulse.Ingest.Wire;

namespace GovPulse.Ingest.Tests;

public sealed class EventLineReaderTests
{
    private const string Received =
        """{"eventId":"e1","type":"DossierReceived","occurredAt":"2026-09-18T09:30:00+07:00","dossierId":"d1","unitCode":"26737","procedureCode":"1.001193","channel":"online","dueAt":"2026-09-21T17:00:00+07:00","fee":0,"paperResult":true,"citizenData":true,"somethingNew":1}""";

    [Fact]
    public void A_valid_line_becomes_an_event_and_unknown_fields_are_ignored()
    {
        var batch = Read(Received);

        batch.Rejected.Should().BeEmpty();
        var e = batch.Lines.Single().Event;
        e.Type.Should().Be(EventType.DossierReceived);
        e.Channel.Should().Be(Channel.Online);
        e.OccurredAt.Should().Be(new DateTimeOffset(2026, 9, 18, 9, 30, 0, TimeSpan.FromHours(7)));
        e.DueAt!.Value.Offset.Should().Be(TimeSpan.FromHours(7));
        e.PaperResult.Should().BeTrue();
    }

    [Theory]
    [InlineData("occurredAt\":\"2026-09-18T09:30:00+07:00", "occurredAt\":\"2026-09-18T09:30:00", "line 1: occurredAt '2026-09-18T09:30:00' is not a valid ISO 8601 time with offset")]
    [InlineData("occurredAt\":\"2026-09-18T09:30:00+07:00", "occurredAt\":\"2026-13-01T09:30:00+07:00", "line 1: occurredAt '2026-13-01T09:30:00+07:00' is not a valid ISO 8601 time with offset")]
    [InlineData("\"type\":\"DossierReceived\"", "\"type\":\"DossierLost\"", "line 1: type 'DossierLost' is not a known event type")]
    [InlineData("\"channel\":\"online\"", "\"channel\":\"fax\"", "line 1: channel 'fax' is not one of online, direct, postal")]
    [InlineData("\"channel\":\"online\"", "\"channel\":\"Online\"", "line 1: channel 'Online' is not one of online, direct, postal")]
    [InlineData("\"dossierId\":\"d1\",", "", "line 1: dossierId is missing")]
    [InlineData("\"eventId\":\"e1\"", "\"eventId\":\"\"", "line 1: eventId is empty")]
    [InlineData("\"fee\":0", "\"fee\":-5", "line 1: fee -5 is negative")]
    [InlineData("\"fee\":0", "\"fee\":\"free\"", "line 1: fee must be a number")]
    [InlineData("\"paperResult\":true", "\"paperResult\":\"yes\"", "line 1: paperResult must be true or false")]
    [InlineData("\"dueAt\":\"2026-09-21T17:00:00+07:00\"", "\"dueAt\":\"2026-09-17T17:00:00+07:00\"", "line 1: dueAt '2026-09-17T17:00:00+07:00' is before the receipt time occurredAt '2026-09-18T09:30:00+07:00'")]
    [InlineData("\"dueAt\":\"2026-09-21T17:00:00+07:00\",", "", "line 1: DossierReceived needs dueAt or statutoryWorkingDays")]
    public void Each_bad_field_is_named_in_the_reason(string field, string replacement, string expected)
    {
        var batch = Read(Received.Replace(field, replacement, StringComparison.Ordinal));

        batch.Lines.Should().BeEmpty();
        batch.Rejected.Single().Error.Should().StartWith(expected);
    }

    [Fact]
    public void An_oversize_event_id_is_refused()
    {
        var batch = Read(Received.Replace("\"eventId\":\"e1\"", $"\"eventId\":\"{new string('x', 129)}\"", StringComparison.Ordinal));

        batch.Rejected.Single().Error.Should().Be("line 1: eventId is 129 characters long; at most 128 are allowed");
    }

    [Fact]
    public void Bad_lines_are_reported_by_line_number_and_good_ones_kept()
    {
        var batch = Read(Received, "", "[1,2]", "{broken", Received.Replace("e1", "e2", StringComparison.Ordinal));

        batch.Lines.Select(l => l.Line).Should().Equal(1, 5);
        batch.Rejected.Select(r => r.Line).Should().Equal(3, 4);
        batch.Rejected[0].Error.Should().Be("line 3: an event must be a JSON object");
        batch.Rejected[1].Error.Should().StartWith("line 4: not valid JSON");
    }

    [Fact]
    public void A_JSON_array_is_read_element_by_element()
    {
        var batch = EventLineReader.Read(Encoding.UTF8.GetBytes($"[{Received}, {{\"eventId\":\"x\"}}]"));

        batch.Lines.Should().ContainSingle();
        batch.Rejected.Single().Should().Be(new Rejection(2, "x", "line 2: type is missing"));
    }

    [Fact]
    public void A_broken_JSON_array_cannot_be_read_at_all()
    {
        var read = () => EventLineReader.Read(Encoding.UTF8.GetBytes("[{\"eventId\":"));

        read.Should().Throw<UnreadableBodyException>();
    }

    [Fact]
    public void Petition_events_need_a_petition_id_not_a_dossier_id()
    {
        var batch = Read("""{"eventId":"p1","type":"PetitionReceived","occurredAt":"2026-09-18T09:30:00Z","unitCode":"26737","petitionId":"pk-1","dueAt":"2026-10-09T17:00:00+07:00"}""");

        batch.Rejected.Should().BeEmpty();
        batch.Lines.Single().Event.SubjectId.Should().Be("pk-1");
    }

    private static ParsedBatch Read(params string[] lines) => EventLineReader.Read(Encoding.UTF8.GetBytes(string.Join("\r\n", lines)));
}
