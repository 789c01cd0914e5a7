using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using GovPulse.Indicators.Catalog;
using GovPulse.Indicators.Events;
using GovPulse.Indicators.Units;
using GovPulse.Ingest.Security;
using GovPulse.Ingest.Simulation;
using GovPulse.Ingest.Wire;
using Microsoft.Extensions.Time.Testing;
using static GovPulse.Ingest.Tests.WireLines;

namespace GovPulse.Ingest.Tests;

public sealed class EventLineReaderTests
{
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

    [Fact]
    public void Bad_lines_are_reported_by_line_number_and_good_ones_kept()
    {
        var batch = Read(Received, "", "[1,2]", "{broken", Received.Replace("e1", "e2", StringComparison.Ordinal), "  \r");

        batch.Lines.Select(l => l.Line).Should().Equal(1, 5);
        batch.Rejected.Select(r => r.Line).Should().Equal(3, 4);
        batch.Rejected[0].Error.Should().Be("line 3: an event must be a JSON object, not [1,2]");
        batch.Rejected[1].Error.Should().StartWith("line 4: not valid JSON");
    }

    [Fact]
    public void A_JSON_array_is_read_element_by_element()
    {
        var batch = ReadBody($"[{Received}, {{\"eventId\":\"x\",\"type\":\"DossierSynced\",\"occurredAt\":\"2026-09-18T09:00:00+07:00\"}}]");

        batch.Lines.Should().ContainSingle();
        batch.Rejected.Single().Should().Be(new Rejection(2, "x", "line 2: unitCode is missing; every event needs a non-empty string of at most 64 characters"));
    }

    [Fact]
    public void A_broken_JSON_array_cannot_be_read_at_all()
    {
        var read = () => ReadBody("[{\"eventId\":");

        read.Should().Throw<UnreadableBodyException>();
    }

    [Fact]
    public void Petition_events_need_a_petition_id_not_a_dossier_id()
    {
        var batch = Read(PetitionReceived);

        batch.Rejected.Should().BeEmpty();
        batch.Lines.Single().Event.SubjectId.Should().Be("pk-1");
    }

    [Fact]
    public void A_day_of_simulated_city_traffic_passes_every_rule()
    {
        var day = new DateTimeOffset(2026, 9, 16, 0, 0, 0, TimeSpan.FromHours(7));
        var events = new CitySimulator(new TrafficProfile(UnitDirectory.HoChiMinhCity, 3), ProcedureCatalog.Reference, 3, day).Advance(day.AddDays(1));
        var wire = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Converters = { new JsonStringEnumConverter<EventType>(), new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        };
        var body = string.Join('\n', events.Select(e => JsonSerializer.Serialize(e, wire)));
        var rules = BatchRules.From(new IngestOptions { MaxLinesPerBatch = 1_000_000 }, new FakeTimeProvider(day.AddDays(1)));

        var batch = EventLineReader.Read(Encoding.UTF8.GetBytes(body), rules);

        batch.Rejected.Should().BeEmpty();
        batch.Lines.Select(l => l.Event).Should().Equal(events);
    }

    private static ParsedBatch Read(params string[] lines) => ReadBody(string.Join("\r\n", lines));

    private static ParsedBatch ReadBody(string body) =>
        EventLineReader.Read(Encoding.UTF8.GetBytes(body), BatchRules.From(new IngestOptions(), new FakeTimeProvider(Now)));
}
