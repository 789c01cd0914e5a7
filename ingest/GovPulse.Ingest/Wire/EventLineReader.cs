using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using GovPulse.Indicators.Events;

namespace GovPulse.Ingest.Wire;

/// <summary>
/// Reads the event wire format (docs/api-v1.md §1): NDJSON, one object a line, or a JSON array.
/// Each bad line gets its line number and a reason that names the field; unknown extra fields
/// are ignored.
/// </summary>
public static partial class EventLineReader
{
    public const int MaxIdLength = 128;

    /// <summary>Reads a whole body. A body that is a JSON array is read element by element; anything else as NDJSON.</summary>
    public static ParsedBatch Read(ReadOnlySpan<byte> body)
    {
        var lines = new List<ParsedLine>();
        var rejected = new List<Rejection>();
        var trimmed = TrimStart(body);
        if (trimmed.Length > 0 && trimmed[0] == (byte)'[')
        {
            ReadArray(trimmed, lines, rejected);
        }
        else
        {
            ReadNdjson(body, lines, rejected);
        }

        return new ParsedBatch(lines, rejected);
    }

    private static void ReadNdjson(ReadOnlySpan<byte> body, List<ParsedLine> lines, List<Rejection> rejected)
    {
        var lineNumber = 0;
        while (body.Length > 0)
        {
            lineNumber++;
            var end = body.IndexOf((byte)'\n');
            var line = end < 0 ? body : body[..end];
            body = end < 0 ? [] : body[(end + 1)..];
            if (TrimStart(line).IsEmpty || TrimStart(line).SequenceEqual("\r"u8))
            {
                continue;
            }

            try
            {
                using var doc = JsonDocument.Parse(line.ToArray());
                Accept(lineNumber, doc.RootElement, lines, rejected);
            }
            catch (JsonException ex)
            {
                rejected.Add(new Rejection(lineNumber, null, $"line {lineNumber}: not valid JSON ({ex.Message.Split('.')[0]})"));
            }
        }
    }

    private static void ReadArray(ReadOnlySpan<byte> body, List<ParsedLine> lines, List<Rejection> rejected)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(body.ToArray());
        }
        catch (JsonException ex)
        {
            throw new UnreadableBodyException($"the body starts like a JSON array but is not valid JSON: {ex.Message}");
        }

        using (doc)
        {
            var position = 0;
            foreach (var element in doc.RootElement.EnumerateArray())
            {
                Accept(++position, element, lines, rejected);
            }
        }
    }

    private static void Accept(int line, JsonElement element, List<ParsedLine> lines, List<Rejection> rejected)
    {
        var eventId = element.ValueKind == JsonValueKind.Object && element.TryGetProperty("eventId", out var id) && id.ValueKind == JsonValueKind.String
            ? id.GetString()
            : null;
        var error = TryRead(element, out var e);
        if (error is null)
        {
            lines.Add(new ParsedLine(line, e!));
        }
        else
        {
            rejected.Add(new Rejection(line, eventId, $"line {line}: {error}"));
        }
    }

    /// <summary>Reads one event object; returns null and the event, or the reason it is not valid.</summary>
    public static string? TryRead(JsonElement o, out UnitEvent? result)
    {
        result = null;
        if (o.ValueKind != JsonValueKind.Object)
        {
            return "an event must be a JSON object";
        }

        var fields = new FieldReader(o);
        var eventId = fields.RequiredString("eventId", MaxIdLength);
        var typeName = fields.RequiredString("type", 64);
        var occurredAt = fields.RequiredTime("occurredAt");
        var unitCode = fields.RequiredString("unitCode", 64);
        if (fields.Error is not null)
        {
            return fields.Error;
        }

        if (!Enum.TryParse<EventType>(typeName, ignoreCase: false, out var type) || !Enum.IsDefined(type) || int.TryParse(typeName, out _))
        {
            return $"type '{typeName}' is not a known event type ({string.Join(", ", Enum.GetNames<EventType>())})";
        }

        var isPetition = type.IsPetitionEvent();
        var e = new UnitEvent
        {
            EventId = eventId!,
            Type = type,
            OccurredAt = occurredAt!.Value,
            UnitCode = unitCode!,
            DossierId = isPetition ? null : fields.RequiredString("dossierId", MaxIdLength),
            PetitionId = isPetition ? fields.RequiredString("petitionId", MaxIdLength) : null,
        };

        e = type switch
        {
            EventType.DossierReceived => e with
            {
                ProcedureCode = fields.RequiredString("procedureCode", 64),
                Channel = fields.RequiredEnum<Channel>("channel"),
                DueAt = fields.OptionalTime("dueAt"),
                StatutoryWorkingDays = fields.OptionalInt("statutoryWorkingDays", 0, 3650),
                Fee = fields.OptionalDecimal("fee") ?? 0m,
                PaperResult = fields.OptionalBool("paperResult"),
                CitizenData = fields.OptionalBool("citizenData"),
            },
            EventType.ResultReturned => e with { ElectronicResult = fields.OptionalBool("electronicResult") },
            EventType.DossierRefused => e with { Reason = fields.OptionalString("reason", 2000) },
            EventType.ApologyIssued => e with { NewDueAt = fields.RequiredTime("newDueAt") },
            EventType.PaymentCompleted => e with { Online = fields.RequiredBool("online"), Amount = fields.OptionalDecimal("amount") },
            EventType.DossierDigitized => e with
            {
                ReusedData = fields.OptionalBool("reusedData"),
                PersonalStoreLinked = fields.OptionalBool("personalStoreLinked"),
            },
            EventType.DossierRated => e with
            {
                Rating = fields.RequiredEnum<Rating>("rating"),
                Complaint = fields.OptionalBool("complaint"),
            },
            EventType.PetitionReceived => e with { DueAt = fields.RequiredTime("dueAt") },
            EventType.PetitionRated => e with
            {
                Satisfied = fields.RequiredBool("satisfied"),
                RepeatComplaint = fields.OptionalBool("repeatComplaint"),
            },
            _ => e,
        };

        if (fields.Error is not null)
        {
            return fields.Error;
        }

        if (type == EventType.DossierReceived)
        {
            if (e.DueAt is null && e.StatutoryWorkingDays is null)
            {
                return "DossierReceived needs dueAt or statutoryWorkingDays";
            }

            if (e.DueAt < e.OccurredAt)
            {
                return $"dueAt '{Format(e.DueAt.Value)}' is before the receipt time occurredAt '{Format(e.OccurredAt)}'";
            }

            if (e.Fee < 0)
            {
                return $"fee {e.Fee.Value.ToString(CultureInfo.InvariantCulture)} is negative";
            }
        }

        result = e;
        return null;
    }

    private static string Format(DateTimeOffset t) => t.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static ReadOnlySpan<byte> TrimStart(ReadOnlySpan<byte> s)
    {
        var i = 0;
        while (i < s.Length && (s[i] == (byte)' ' || s[i] == (byte)'\t' || s[i] == (byte)'\r' || s[i] == (byte)'\n' || s[i] == 0xEF || s[i] == 0xBB || s[i] == 0xBF))
        {
            i++;
        }

        return s[i..];
    }

    /// <summary>ISO 8601 with an explicit offset: a time without one is ambiguous and rejected.</summary>
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$")]
    internal static partial Regex TimeWithOffset();
}
