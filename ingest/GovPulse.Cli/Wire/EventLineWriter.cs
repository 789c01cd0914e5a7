using System.Buffers;
using System.Globalization;
using System.Text.Json;
using GovPulse.Indicators.Events;
using GovPulse.Indicators.Periods;

namespace GovPulse.Cli.Wire;

/// <summary>
/// Writes events in the wire format of api-v1 §1, one JSON object a line: fields in the contract's
/// order, enum values as the contract spells them (<c>DossierReceived</c>, <c>online</c>,
/// <c>satisfied</c>), times in Vietnam time with their offset and up to 7 fraction digits, so
/// reading a line back gives the same event. Same events in, same bytes out.
/// </summary>
public static class EventLineWriter
{
    private static readonly JsonWriterOptions Options = new() { Indented = false, SkipValidation = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Appends one event and a newline to <paramref name="output"/>.</summary>
    public static void Write(UnitEvent e, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(e);
        using (var json = new Utf8JsonWriter(output, Options))
        {
            json.WriteStartObject();
            json.WriteString("eventId", e.EventId);
            json.WriteString("type", e.Type.ToString());
            json.WriteString("occurredAt", Time(e.OccurredAt));
            if (e.DossierId is not null)
            {
                json.WriteString("dossierId", e.DossierId);
            }

            if (e.PetitionId is not null)
            {
                json.WriteString("petitionId", e.PetitionId);
            }

            json.WriteString("unitCode", e.UnitCode);
            String(json, "procedureCode", e.ProcedureCode);
            String(json, "channel", e.Channel is { } channel ? Lower(channel.ToString()) : null);
            Time(json, "dueAt", e.DueAt);
            if (e.StatutoryWorkingDays is { } days)
            {
                json.WriteNumber("statutoryWorkingDays", days);
            }

            Number(json, "fee", e.Fee);
            Bool(json, "paperResult", e.PaperResult);
            Bool(json, "citizenData", e.CitizenData);
            Bool(json, "electronicResult", e.ElectronicResult);
            String(json, "reason", e.Reason);
            Time(json, "newDueAt", e.NewDueAt);
            Bool(json, "online", e.Online);
            Number(json, "amount", e.Amount);
            Bool(json, "reusedData", e.ReusedData);
            Bool(json, "personalStoreLinked", e.PersonalStoreLinked);
            String(json, "rating", e.Rating is { } rating ? Lower(rating.ToString()) : null);
            Bool(json, "complaint", e.Complaint);
            Bool(json, "satisfied", e.Satisfied);
            Bool(json, "repeatComplaint", e.RepeatComplaint);
            json.WriteEndObject();
        }

        output.Write("\n"u8);
    }

    /// <summary>One event as a line of text (without the newline).</summary>
    public static string ToLine(UnitEvent e)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        Write(e, buffer);
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan[..^1]);
    }

    /// <summary>ISO 8601 in Vietnam time (+07:00), fraction digits only as needed.</summary>
    public static string Time(DateTimeOffset t) =>
        VietnamTime.ToLocal(t).ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);

    private static void String(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }

    private static void Time(Utf8JsonWriter json, string name, DateTimeOffset? value)
    {
        if (value is { } t)
        {
            json.WriteString(name, Time(t));
        }
    }

    private static void Bool(Utf8JsonWriter json, string name, bool? value)
    {
        if (value is { } b)
        {
            json.WriteBoolean(name, b);
        }
    }

    private static void Number(Utf8JsonWriter json, string name, decimal? value)
    {
        if (value is { } n)
        {
            json.WriteNumber(name, n);
        }
    }

    private static string Lower(string name) => name.ToLowerInvariant();
}
