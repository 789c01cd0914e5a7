using System.Globalization;
using System.Text.Json;
using GovPulse.Indicators.Events;

namespace GovPulse.Ingest.Wire;

/// <summary>
/// Reads and checks one event object against docs/api-v1.md §1: every field typed, required fields
/// by type, ids within their lengths and of visible characters (<see cref="TextRule"/>), enum values,
/// times with an offset that the event store holds exactly, and the rules between fields
/// (a due time not before receipt, an event not from the future). Unknown extra fields are ignored.
/// </summary>
public static class EventReader
{
    /// <summary>Longest <c>eventId</c>, <c>dossierId</c> and <c>petitionId</c> (api-v1 §1 says ≤ 128 for event ids; subject ids follow).</summary>
    public const int MaxIdLength = 128;

    /// <summary>Longest <c>unitCode</c> and <c>procedureCode</c>: official codes are far shorter (26737, 1.001193).</summary>
    public const int MaxCodeLength = 64;

    /// <summary>Longest <c>reason</c> of a refusal.</summary>
    public const int MaxReasonLength = 2000;

    private const string EveryEvent = "every event";

    private static readonly string[] TypeNames = Enum.GetNames<EventType>();

    private static readonly string NotAType = $"is not a known event type ({string.Join(", ", TypeNames)})";

    // Who needs a subject's id, by event type: made once, not for every event read.
    private static readonly Dictionary<EventType, string> NeededBy = Enum.GetValues<EventType>()
        .ToDictionary(t => t, t => t.IsPetitionEvent() ? $"a petition event ({t})" : $"a dossier event ({t})");

    /// <summary>Reads one event object; returns null and the event, or the reason it is not valid (without the line number).</summary>
    public static string? TryRead(JsonElement o, BatchRules rules, out UnitEvent? result)
    {
        result = null;
        if (o.ValueKind != JsonValueKind.Object)
        {
            return $"an event must be a JSON object, not {ShownValue.Of(o)}";
        }

        var fields = new FieldReader(o);
        var eventId = fields.RequiredId("eventId", MaxIdLength, EveryEvent);
        var typeName = fields.RequiredChoice("type", TypeNames, EveryEvent, NotAType);
        var occurredAt = fields.RequiredTime("occurredAt", EveryEvent);
        var unitCode = fields.RequiredId("unitCode", MaxCodeLength, EveryEvent);
        if (fields.Error is not null)
        {
            return fields.Error;
        }

        var type = Enum.Parse<EventType>(typeName!);
        var isPetition = type.IsPetitionEvent();
        var e = new UnitEvent
        {
            EventId = eventId!,
            Type = type,
            OccurredAt = occurredAt!.Value,
            UnitCode = unitCode!,
            DossierId = isPetition ? null : fields.RequiredId("dossierId", MaxIdLength, NeededBy[type]),
            PetitionId = isPetition ? fields.RequiredId("petitionId", MaxIdLength, NeededBy[type]) : null,
        };

        var needs = type.ToString();
        e = type switch
        {
            EventType.DossierReceived => e with
            {
                ProcedureCode = fields.RequiredId("procedureCode", MaxCodeLength, needs),
                Channel = fields.RequiredEnum<Channel>("channel", needs),
                DueAt = fields.OptionalTime("dueAt"),
                StatutoryWorkingDays = fields.OptionalWholeNumber("statutoryWorkingDays", 0, 3650),
                Fee = fields.OptionalAmount("fee") ?? 0m,
                PaperResult = fields.OptionalBool("paperResult"),
                CitizenData = fields.OptionalBool("citizenData"),
            },
            EventType.ResultReturned => e with { ElectronicResult = fields.OptionalBool("electronicResult") },
            EventType.DossierRefused => e with { Reason = fields.OptionalText("reason", MaxReasonLength) },
            EventType.ApologyIssued => e with { NewDueAt = fields.RequiredTime("newDueAt", needs) },
            EventType.PaymentCompleted => e with { Online = fields.RequiredBool("online", needs), Amount = fields.OptionalAmount("amount") },
            EventType.DossierDigitized => e with
            {
                ReusedData = fields.OptionalBool("reusedData"),
                PersonalStoreLinked = fields.OptionalBool("personalStoreLinked"),
            },
            EventType.DossierRated => e with
            {
                Rating = fields.RequiredEnum<Rating>("rating", needs),
                Complaint = fields.OptionalBool("complaint"),
            },
            EventType.PetitionReceived => e with { DueAt = fields.RequiredTime("dueAt", needs) },
            EventType.PetitionRated => e with
            {
                Satisfied = fields.RequiredBool("satisfied", needs),
                RepeatComplaint = fields.OptionalBool("repeatComplaint"),
            },
            _ => e,
        };

        if (fields.Error is not null)
        {
            return fields.Error;
        }

        if (type == EventType.DossierReceived && e.DueAt is null && e.StatutoryWorkingDays is null)
        {
            return "dueAt and statutoryWorkingDays are both missing; DossierReceived needs one of them";
        }

        // The appointment is set at receipt, so it cannot precede it (PetitionReceived likewise).
        if (e.DueAt < e.OccurredAt)
        {
            return $"dueAt {fields.Shown("dueAt")} is before the receipt time occurredAt {fields.Shown("occurredAt")}; expected a due time at or after receipt";
        }

        if (e.OccurredAt > rules.Latest)
        {
            return $"occurredAt {fields.Shown("occurredAt")} is more than {Describe(rules.FutureTolerance)} ahead of this node's clock "
                + $"({rules.Now.ToOffset(e.OccurredAt.Offset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)}); "
                + "expected a time that has already happened (check the sending system's clock and time zone)";
        }

        result = e;
        return null;
    }

    private static string Describe(TimeSpan t) =>
        t.Ticks % TimeSpan.TicksPerHour == 0 && t >= TimeSpan.FromHours(1) ? Count((long)t.TotalHours, "hour")
        : t.Ticks % TimeSpan.TicksPerMinute == 0 && t >= TimeSpan.FromMinutes(1) ? Count((long)t.TotalMinutes, "minute")
        : Count((long)Math.Round(t.TotalSeconds), "second");

    private static string Count(long n, string unit) => n == 1 ? $"1 {unit}" : $"{n.ToString(CultureInfo.InvariantCulture)} {unit}s";
}
