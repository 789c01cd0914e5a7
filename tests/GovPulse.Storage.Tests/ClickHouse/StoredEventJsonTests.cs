using System.Text.Json;
using System.Text.Json.Serialization;
using GovPulse.Indicators.Events;
using GovPulse.Storage.ClickHouse;

namespace GovPulse.Storage.Tests.ClickHouse;

public sealed class StoredEventJsonTests
{
    /// <summary>How payloads were written before the serializer was source-generated: rows already stored must still read the same.</summary>
    private static readonly JsonSerializerOptions ReflectionOptions = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    public static TheoryData<UnitEvent> EveryShape()
    {
        var at = new DateTimeOffset(2026, 11, 19, 9, 15, 30, 123, TimeSpan.FromHours(7));
        var dossier = new UnitEvent { EventId = "e-1", Type = EventType.DossierReceived, OccurredAt = at, UnitCode = "26743", DossierId = "H29.26743-261119-0001" };
        return new TheoryData<UnitEvent>
        {
            dossier with
            {
                ProcedureCode = "1.001193", Channel = Channel.Online, DueAt = at.AddDays(3), StatutoryWorkingDays = 3,
                Fee = 50_000.5m, PaperResult = true, CitizenData = false,
            },
            dossier with { Type = EventType.ResultReturned, ElectronicResult = true },
            dossier with { Type = EventType.DossierRefused, Reason = "Hồ sơ thiếu giấy tờ \"bản sao\"" },
            dossier with { Type = EventType.ApologyIssued, NewDueAt = at.AddDays(5).ToOffset(TimeSpan.Zero) },
            dossier with { Type = EventType.PaymentCompleted, Online = true, Amount = 0m },
            dossier with { Type = EventType.DossierDigitized, ReusedData = false, PersonalStoreLinked = true },
            dossier with { Type = EventType.DossierRated, Rating = Rating.Satisfied, Complaint = false },
            new UnitEvent { EventId = "p-1", Type = EventType.PetitionReceived, OccurredAt = at, UnitCode = "so-tu-phap", PetitionId = "PA-1", DueAt = at.AddDays(10) },
            new UnitEvent { EventId = "p-2", Type = EventType.PetitionRated, OccurredAt = at, UnitCode = "so-tu-phap", PetitionId = "PA-1", Satisfied = false, RepeatComplaint = true },
        };
    }

    [Theory]
    [MemberData(nameof(EveryShape))]
    public void The_payload_is_the_text_the_reflection_serializer_wrote_and_reads_back_equal(UnitEvent e)
    {
        var payload = StoredEventJson.Serialize(e);

        payload.Should().Be(JsonSerializer.Serialize(e, ReflectionOptions));
        StoredEventJson.Deserialize(payload).Should().Be(e);
        StoredEventJson.Deserialize(JsonSerializer.Serialize(e, ReflectionOptions)).Should().Be(e);
    }
}
