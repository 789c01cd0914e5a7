using System.Runtime.InteropServices;
using System.Text.Json;
using GovPulse.Indicators.Events;
using GovPulse.Storage.Logging;

namespace GovPulse.Ingest.Wire;

/// <summary>
/// Reads the event wire format (docs/api-v1.md §1): NDJSON, one object a line, or a JSON array.
/// Each bad line gets its line number and a reason that names the field (<see cref="EventReader"/>);
/// the good lines of the batch are kept. A batch over a size limit is refused as a whole
/// (<see cref="BatchTooLargeException"/>, HTTP 413).
/// </summary>
public static class EventLineReader
{
    /// <summary>Reads a whole body. A body that is a JSON array is read element by element; anything else as NDJSON.</summary>
    /// <exception cref="UnreadableBodyException">The body starts like a JSON array but is not valid JSON.</exception>
    /// <exception cref="BatchTooLargeException">A line is longer than <see cref="BatchRules.MaxLineBytes"/>, or there are more than <see cref="BatchRules.MaxLinesPerBatch"/> events.</exception>
    public static ParsedBatch Read(ReadOnlyMemory<byte> body, BatchRules rules)
    {
        var batch = new Batch(rules);
        var trimmed = TrimStart(body.Span);
        if (trimmed.Length > 0 && trimmed[0] == (byte)'[')
        {
            ReadArray(body[(body.Length - trimmed.Length)..], batch);
        }
        else
        {
            ReadNdjson(body, batch);
        }

        return new ParsedBatch(batch.Lines, batch.Rejected);
    }

    private static void ReadNdjson(ReadOnlyMemory<byte> body, Batch batch)
    {
        var lineNumber = 0;
        var events = 0;
        while (body.Length > 0)
        {
            lineNumber++;
            var end = body.Span.IndexOf((byte)'\n');
            var line = end < 0 ? body : body[..end];
            body = end < 0 ? ReadOnlyMemory<byte>.Empty : body[(end + 1)..];
            if (line.Length > 0 && line.Span[^1] == (byte)'\r')
            {
                line = line[..^1];
            }

            if (TrimStart(line.Span).IsEmpty)
            {
                continue;
            }

            if (line.Length > batch.Rules.MaxLineBytes)
            {
                throw BatchTooLargeException.Line($"line {lineNumber}", line.Length, batch.Rules.MaxLineBytes);
            }

            if (++events > batch.Rules.MaxLinesPerBatch)
            {
                throw BatchTooLargeException.Lines(batch.Rules.MaxLinesPerBatch);
            }

            try
            {
                // Parsed in place: the document reads the body's buffer, which outlives it.
                using var doc = JsonDocument.Parse(line);
                batch.Accept(lineNumber, doc.RootElement);
            }
            catch (JsonException ex)
            {
                batch.Reject(lineNumber, null, $"not valid JSON ({LogText.Escape(ex.Message.Split('.')[0])}); expected one JSON object per line");
            }
        }
    }

    private static void ReadArray(ReadOnlyMemory<byte> body, Batch batch)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(body);
        }
        catch (JsonException ex)
        {
            throw new UnreadableBodyException($"the body starts like a JSON array but is not valid JSON: {LogText.Escape(ex.Message)}");
        }

        using (doc)
        {
            if (doc.RootElement.GetArrayLength() > batch.Rules.MaxLinesPerBatch)
            {
                throw BatchTooLargeException.Lines(batch.Rules.MaxLinesPerBatch);
            }

            var position = 0;
            foreach (var element in doc.RootElement.EnumerateArray())
            {
                position++;
                var length = JsonMarshal.GetRawUtf8Value(element).Length;
                if (length > batch.Rules.MaxLineBytes)
                {
                    throw BatchTooLargeException.Line($"array element {position}", length, batch.Rules.MaxLineBytes);
                }

                batch.Accept(position, element);
            }
        }
    }

    private static ReadOnlySpan<byte> TrimStart(ReadOnlySpan<byte> s)
    {
        var i = 0;
        while (i < s.Length && (s[i] == (byte)' ' || s[i] == (byte)'\t' || s[i] == (byte)'\r' || s[i] == (byte)'\n' || s[i] == 0xEF || s[i] == 0xBB || s[i] == 0xBF))
        {
            i++;
        }

        return s[i..];
    }

    /// <summary>The lines read so far, and the first accepted line of each event id.</summary>
    private sealed class Batch(BatchRules rules)
    {
        private readonly Dictionary<string, ParsedLine> _byEventId = new(StringComparer.Ordinal);

        public BatchRules Rules { get; } = rules;

        public List<ParsedLine> Lines { get; } = [];

        public List<Rejection> Rejected { get; } = [];

        public void Accept(int line, JsonElement element)
        {
            string? error;
            UnitEvent? e;
            try
            {
                error = EventReader.TryRead(element, Rules, out e);
            }
            catch (InvalidOperationException)
            {
                // Belt and braces: every string is read through WireString, which reports text that is
                // not valid Unicode; should one slip through, it is still this line's problem alone.
                Reject(line, null, "holds text that is not valid Unicode; expected UTF-8 JSON");
                return;
            }

            if (error is not null)
            {
                // The id goes back to the sender only when it is one the reader would accept.
                var eventId = element.ValueKind == JsonValueKind.Object && element.TryGetProperty("eventId", out var id) && id.ValueKind == JsonValueKind.String
                    && WireString.TryRead(id, TextRule.Identifier, out var text) is null
                    ? text
                    : null;
                Reject(line, eventId, error);
                return;
            }

            // An exact repeat is at-least-once delivery: it is kept, and the pipeline counts it as a
            // duplicate (api-v1 §1). The same id for a different event is a sender's bug; which of the
            // two is right cannot be known, so the first stands and the later one is refused.
            if (_byEventId.TryGetValue(e!.EventId, out var first))
            {
                if (first.Event != e)
                {
                    Reject(line, e.EventId,
                        $"eventId {ShownValue.Quoted(e.EventId)} is already used by line {first.Line} for a different event; "
                        + $"expected a repeat to be identical to line {first.Line}, or a new eventId for a new event");
                    return;
                }
            }
            else
            {
                _byEventId.Add(e.EventId, new ParsedLine(line, e));
            }

            Lines.Add(new ParsedLine(line, e));
        }

        public void Reject(int line, string? eventId, string error) => Rejected.Add(new Rejection(line, eventId, $"line {line}: {error}"));
    }
}
